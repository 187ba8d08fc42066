package secretslocal

import (
	"slices"
	"strings"
)

type listSecretsInput struct {
	MaxResults             *int     `json:"MaxResults"`
	NextToken              string   `json:"NextToken"`
	Filters                []filter `json:"Filters"`
	IncludePlannedDeletion bool     `json:"IncludePlannedDeletion"`
	SortOrder              string   `json:"SortOrder"`
}

// filter is one ListSecrets filter: a key and up to ten values, each a
// prefix to match or, starting with "!", a prefix to exclude.
type filter struct {
	Key    string   `json:"Key"`
	Values []string `json:"Values"`
}

type listSecretsOutput struct {
	SecretList []secretMetadata `json:"SecretList"`
	NextToken  string           `json:"NextToken,omitempty"`
}

// listSecrets pages through the secrets' metadata, ordered by creation
// date (oldest first, or newest first with SortOrder desc) as AWS orders
// them. Secrets scheduled for deletion are left out unless
// IncludePlannedDeletion is set.
func (s *regional) listSecrets(body []byte) (any, error) {
	var in listSecretsInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	pg, err := readPage(in.MaxResults, in.NextToken)
	if err != nil {
		return nil, err
	}
	if in.SortOrder != "" && in.SortOrder != "asc" && in.SortOrder != "desc" {
		return nil, errorf(codeValidation, "1 validation error detected: SortOrder must be asc or desc")
	}
	for _, f := range in.Filters {
		if err := f.check(); err != nil {
			return nil, err
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.purge()
	var all []*secret
	for _, sec := range s.secrets {
		if (!sec.deletion.IsZero() && !in.IncludePlannedDeletion) || !matchesAll(sec, in.Filters) {
			continue
		}
		all = append(all, sec)
	}
	slices.SortFunc(all, func(a, b *secret) int {
		if c := a.created.Compare(b.created); c != 0 {
			return c
		}
		return strings.Compare(a.name, b.name)
	})
	if in.SortOrder == "desc" {
		slices.Reverse(all)
	}
	start, end, next := pg.bounds(len(all))
	out := listSecretsOutput{SecretList: []secretMetadata{}, NextToken: next}
	for _, sec := range all[start:end] {
		m := sec.metadata()
		m.SecretVersionsToStages = sec.stagesByVersion()
		out.SecretList = append(out.SecretList, m)
	}
	return out, nil
}

// check validates a filter's key and values.
func (f filter) check() error {
	switch f.Key {
	case "name", "description", "tag-key", "tag-value", "all":
	default:
		return errorf(codeValidation, "1 validation error detected: Filters.Key %q is not one of name, description, tag-key, tag-value, all", f.Key)
	}
	if len(f.Values) == 0 || len(f.Values) > 10 {
		return errorf(codeValidation, "1 validation error detected: Filters.Values must have 1-10 members")
	}
	return nil
}

// matchesAll reports whether sec passes every filter.
func matchesAll(sec *secret, filters []filter) bool {
	for _, f := range filters {
		if !f.matches(sec) {
			return false
		}
	}
	return true
}

// matches reports whether one of f's values matches one of sec's fields
// for f.Key; a "!" value matches when no field starts with the rest.
func (f filter) matches(sec *secret) bool {
	var fields []string
	switch f.Key {
	case "name":
		fields = []string{sec.name}
	case "description":
		fields = []string{sec.description}
	case "tag-key", "tag-value", "all":
		if f.Key == "all" {
			fields = append(fields, sec.name, sec.description)
		}
		for _, t := range sec.tags {
			if f.Key != "tag-value" {
				fields = append(fields, t.Key)
			}
			if f.Key != "tag-key" {
				fields = append(fields, t.Value)
			}
		}
	}
	for _, v := range f.Values {
		negate := strings.HasPrefix(v, "!")
		prefix := strings.TrimPrefix(v, "!")
		hit := slices.ContainsFunc(fields, func(field string) bool {
			if f.Key == "description" {
				return wordsPrefix(field, prefix)
			}
			return strings.HasPrefix(field, prefix)
		})
		if hit != negate {
			return true
		}
	}
	return false
}

// wordsPrefix is the description filter's match: not case-sensitive, and
// word by word, each word of the value starting some word of the
// description. AWS answers so (LocalStack's AWS-validated
// test_list_secrets_filtering: "a secret" finds "an secret" but not
// "asecret").
func wordsPrefix(description, value string) bool {
	have := strings.Fields(strings.ToLower(description))
	for _, want := range strings.Fields(strings.ToLower(value)) {
		if !slices.ContainsFunc(have, func(w string) bool { return strings.HasPrefix(w, want) }) {
			return false
		}
	}
	return true
}
