package secretslocal

import (
	"errors"
	"slices"
	"strings"

	"github.com/payflow-dev/payflow/localaws/awsproto"
)

type batchGetSecretValueInput struct {
	SecretIDList []string `json:"SecretIdList"`
	Filters      []filter `json:"Filters"`
	MaxResults   *int     `json:"MaxResults"`
	NextToken    string   `json:"NextToken"`
}

// batchError is one secret a batch could not read.
type batchError struct {
	SecretID  string `json:"SecretId"`
	ErrorCode string `json:"ErrorCode"`
	Message   string `json:"Message"`
}

type batchGetSecretValueOutput struct {
	SecretValues []getSecretValueOutput `json:"SecretValues"`
	Errors       []batchError           `json:"Errors"`
	NextToken    string                 `json:"NextToken,omitempty"`
}

// batchGetSecretValue reads the AWSCURRENT value of up to 20 secrets named
// in SecretIdList (a secret that cannot be read is reported in Errors, not
// failing the request), or of the secrets Filters match, a page at a time.
func (s *regional) batchGetSecretValue(body []byte) (any, error) {
	var in batchGetSecretValueInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	if (len(in.SecretIDList) == 0) == (len(in.Filters) == 0) {
		return nil, errorf(codeInvalidParameter, "Specify either SecretIdList or Filters, not both.")
	}
	if len(in.SecretIDList) > 20 {
		return nil, errorf(codeValidation, "1 validation error detected: SecretIdList must have at most 20 members")
	}
	if len(in.SecretIDList) > 0 && (in.MaxResults != nil || in.NextToken != "") {
		return nil, errorf(codeInvalidParameter, "MaxResults and NextToken go with Filters, not with SecretIdList.")
	}
	for _, f := range in.Filters {
		if err := f.check(); err != nil {
			return nil, err
		}
	}
	pg, err := readPage(in.MaxResults, in.NextToken)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	out := batchGetSecretValueOutput{SecretValues: []getSecretValueOutput{}, Errors: []batchError{}}
	if len(in.SecretIDList) > 0 {
		for _, id := range in.SecretIDList {
			v, err := s.liveValue(id)
			if err != nil {
				out.Errors = append(out.Errors, asBatchError(id, err))
				continue
			}
			out.SecretValues = append(out.SecretValues, v)
		}
		return out, nil
	}
	s.purge()
	var matched []*secret
	for _, sec := range s.secrets {
		if sec.deletion.IsZero() && matchesAll(sec, in.Filters) {
			matched = append(matched, sec)
		}
	}
	slices.SortFunc(matched, func(a, b *secret) int {
		if c := a.created.Compare(b.created); c != 0 {
			return c
		}
		return strings.Compare(a.name, b.name)
	})
	start, end, next := pg.bounds(len(matched))
	out.NextToken = next
	for _, sec := range matched[start:end] {
		v, err := s.value(sec, "", "")
		if err != nil {
			out.Errors = append(out.Errors, asBatchError(sec.arn, err))
			continue
		}
		out.SecretValues = append(out.SecretValues, v)
	}
	return out, nil
}

// liveValue is GetSecretValue's AWSCURRENT read of one SecretId. The
// caller holds s.mu.
func (s *regional) liveValue(id string) (getSecretValueOutput, error) {
	sec, err := s.live(id)
	if err != nil {
		return getSecretValueOutput{}, err
	}
	return s.value(sec, "", "")
}

// asBatchError reports a failed read in the batch's Errors list.
func asBatchError(id string, err error) batchError {
	var apiErr *awsproto.Error
	if errors.As(err, &apiErr) {
		return batchError{SecretID: id, ErrorCode: apiErr.Code, Message: apiErr.Message}
	}
	return batchError{SecretID: id, ErrorCode: codeInternal, Message: "An error occurred on the server side."}
}
