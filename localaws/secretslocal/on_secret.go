package secretslocal

// namingOne is a request that names one secret by its SecretId.
type namingOne interface{ secretID() string }

// secretIDInput is the SecretId member of every request naming one secret;
// the requests embed it.
type secretIDInput struct {
	SecretID string `json:"SecretId"`
}

func (in secretIDInput) secretID() string { return in.SecretID }

// accepts says which secrets an action serves.
type accepts int

const (
	anyState accepts = iota // the secret may be marked for deletion (lookup)
	liveOnly                // a secret marked for deletion is refused (live)
)

// onSecret is the opening every action naming one secret shares: decode
// the request, check it (check may be nil), take the lock, find the secret
// (liveOnly refuses one marked for deletion, as AWS does) and run fn on it
// with the lock held.
func onSecret[I any, P interface {
	*I
	namingOne
}](s *regional, body []byte, state accepts, check func(P) error, fn func(P, *secret) (any, error)) (any, error) {
	in := P(new(I))
	if err := decode(body, in); err != nil {
		return nil, err
	}
	if check != nil {
		if err := check(in); err != nil {
			return nil, err
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	find := s.lookup
	if state == liveOnly {
		find = s.live
	}
	sec, err := find(in.secretID())
	if err != nil {
		return nil, err
	}
	return fn(in, sec)
}
