package kmslocal

import (
	"sort"
	"strings"
	"time"
)

// alias is a friendly name for a key.
type alias struct {
	name    string // "alias/..."
	target  string // key id
	created time.Time
	updated time.Time
}

// aliasNamePattern is the service model's constraint on AliasName, which
// AWS checks before its own rules.
const aliasNamePattern = "^[a-zA-Z0-9:/_-]+$"

// validAliasName applies AWS's rules in AWS's order: the service model's
// length and pattern (a ValidationException in the model's wording), then
// the "alias/" prefix, the "alias/aws/" prefix AWS keeps for its managed
// keys (NotAuthorizedException with no message, as AWS answers), and the
// colon, which the pattern admits but alias names may not hold.
func validAliasName(name string) error {
	if len(name) > 256 {
		return errorf(codeValidation, "1 validation error detected: Value '%s' at 'aliasName' failed to satisfy constraint: Member must have length less than or equal to 256", name)
	}
	for _, c := range name {
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.ContainsRune(":/_-", c)
		if !ok {
			return errorf(codeValidation, "1 validation error detected: Value '%s' at 'aliasName' failed to satisfy constraint: Member must satisfy regular expression pattern: %s", name, aliasNamePattern)
		}
	}
	rest, ok := strings.CutPrefix(name, "alias/")
	if !ok {
		return errorf(codeValidation, `Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html`)
	}
	if rest == "" {
		return errorf(codeValidation, "1 validation error detected: Value '%s' at 'aliasName' failed to satisfy constraint: Member must have length less than or equal to 256", name)
	}
	if strings.HasPrefix(rest, "aws/") {
		return errorf(codeNotAuthorized, "")
	}
	if strings.ContainsRune(rest, ':') {
		// AWS's wording, as a real ValidationException quoted in
		// hashicorp/terraform-provider-aws #12891 shows it.
		return errorf(codeValidation, "%s contains invalid characters for an alias", name)
	}
	return nil
}

type aliasInput struct {
	AliasName   string `json:"AliasName"`
	TargetKeyID string `json:"TargetKeyId"`
}

type emptyOutput struct{}

// aliasTarget resolves the target of CreateAlias and UpdateAlias, which must
// name a key directly rather than through another alias.
func (s *regional) aliasTarget(target string) (*key, error) {
	if strings.HasPrefix(target, "alias/") || strings.Contains(target, ":alias/") {
		return nil, errorf(codeValidation, "TargetKeyId must be a key id or key ARN")
	}
	return s.lookup(target)
}

func (s *regional) createAlias(body []byte) (any, error) {
	var in aliasInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	if err := validAliasName(in.AliasName); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	k, err := s.aliasTarget(in.TargetKeyID)
	if err != nil {
		return nil, err
	}
	if _, ok := s.aliases[in.AliasName]; ok {
		return nil, errorf(codeAlreadyExists, "An alias with the name %s already exists", s.aliasARN(in.AliasName))
	}
	now := s.clock.Now()
	s.aliases[in.AliasName] = &alias{name: in.AliasName, target: k.id, created: now, updated: now}
	return emptyOutput{}, nil
}

func (s *regional) updateAlias(body []byte) (any, error) {
	var in aliasInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	if strings.HasPrefix(in.AliasName, "alias/aws/") {
		return nil, errorf(codeNotAuthorized, "")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.aliases[in.AliasName]
	if !ok {
		return nil, errorf(codeNotFound, "Alias %s is not found.", s.aliasARN(in.AliasName))
	}
	k, err := s.aliasTarget(in.TargetKeyID)
	if err != nil {
		return nil, err
	}
	a.target, a.updated = k.id, s.clock.Now()
	return emptyOutput{}, nil
}

func (s *regional) deleteAlias(body []byte) (any, error) {
	var in aliasInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	if strings.HasPrefix(in.AliasName, "alias/aws/") {
		return nil, errorf(codeNotAuthorized, "")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.aliases[in.AliasName]; !ok {
		return nil, errorf(codeNotFound, "Alias %s is not found.", s.aliasARN(in.AliasName))
	}
	delete(s.aliases, in.AliasName)
	return emptyOutput{}, nil
}

type aliasListEntry struct {
	AliasArn        string  `json:"AliasArn"`
	AliasName       string  `json:"AliasName"`
	CreationDate    float64 `json:"CreationDate"`
	LastUpdatedDate float64 `json:"LastUpdatedDate"`
	TargetKeyID     string  `json:"TargetKeyId"`
}

type listAliasesOutput struct {
	Aliases    []aliasListEntry `json:"Aliases"`
	NextMarker string           `json:"NextMarker,omitempty"`
	Truncated  bool             `json:"Truncated"`
}

// listAliases lists aliases by name, optionally only those of one key.
func (s *regional) listAliases(body []byte) (any, error) {
	var in listInput
	limit, err := decodeList(body, &in)
	if err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	only := ""
	if in.KeyID != "" {
		k, err := s.lookupKey(in.KeyID)
		if err != nil {
			return nil, err
		}
		only = k.id
	}
	names := make([]string, 0, len(s.aliases))
	for name, a := range s.aliases {
		if only == "" || a.target == only {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	got, next := page(names, in.Marker, limit)
	out := listAliasesOutput{Aliases: []aliasListEntry{}, NextMarker: next, Truncated: next != ""}
	for _, name := range got {
		a := s.aliases[name]
		out.Aliases = append(out.Aliases, aliasListEntry{
			AliasArn:        s.aliasARN(name),
			AliasName:       name,
			CreationDate:    epochSeconds(a.created),
			LastUpdatedDate: epochSeconds(a.updated),
			TargetKeyID:     a.target,
		})
	}
	return out, nil
}
