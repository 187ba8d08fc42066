package sfnlocal

import (
	"encoding/base64"
	"encoding/json"
)

const (
	// defaultPageSize is what a list returns when maxResults is 0.
	defaultPageSize = 100
	// maxPageSize is the largest maxResults the service accepts.
	maxPageSize = 1000
	// maxTokenLength is the longest nextToken the service accepts;
	// ListExecutions takes longer ones, up to maxExecutionsTokenLength.
	maxTokenLength           = 1024
	maxExecutionsTokenLength = 3096
)

// pageToken is the content of an opaque nextToken. Scope ties the token to
// the listing it came from, so a token is never applied to another list.
type pageToken struct {
	Scope string `json:"s"`
	Pos   int    `json:"p,omitempty"`
	Key   string `json:"k,omitempty"`
}

// encode returns the token as the client sees it.
func (t pageToken) encode() string {
	b, _ := json.Marshal(t) // a struct of strings and ints always encodes
	return base64.RawURLEncoding.EncodeToString(b)
}

// decodeToken parses a nextToken issued for scope. An empty token is the
// first page and decodes to the zero token.
func decodeToken(s, scope string) (pageToken, bool, error) {
	return decodeTokenUpTo(s, scope, maxTokenLength)
}

// decodeTokenUpTo is decodeToken for a list whose tokens may be up to max
// characters long.
func decodeTokenUpTo(s, scope string, max int) (pageToken, bool, error) {
	if s == "" {
		return pageToken{}, false, nil
	}
	if len(s) > max {
		return pageToken{}, false, errorf(codeValidation, "1 validation error detected: Value '%s' at 'nextToken' failed to satisfy constraint: Member must have length less than or equal to %d", s, max)
	}
	raw, err := base64.RawURLEncoding.DecodeString(s)
	var t pageToken
	if err == nil {
		err = json.Unmarshal(raw, &t)
	}
	if err != nil || t.Scope != scope || t.Pos < 0 {
		return pageToken{}, false, errInvalidToken()
	}
	return t, true, nil
}

// errInvalidToken is AWS's answer to a nextToken it did not issue.
func errInvalidToken() error {
	return errorf(codeInvalidToken, "Invalid Token: 'Invalid token'")
}

// pageSize turns a request's maxResults into a page length.
func pageSize(maxResults int) (int, error) {
	switch {
	case maxResults < 0:
		return 0, errorf(codeValidation, "1 validation error detected: Value '%d' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 0", maxResults)
	case maxResults > maxPageSize:
		return 0, errorf(codeValidation, "1 validation error detected: Value '%d' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to %d", maxResults, maxPageSize)
	case maxResults == 0:
		return defaultPageSize, nil
	}
	return maxResults, nil
}

// machinePage reads the paging of a listing under one state machine (its
// versions, its aliases): the ARN's form, the page size, and a token of
// scope (the action and the machine).
func machinePage(arn string, maxResults int, nextToken, scope string) (n int, tok pageToken, resumed bool, err error) {
	if err := checkStateMachineArn(arn); err != nil {
		return 0, pageToken{}, false, err
	}
	if n, err = pageSize(maxResults); err != nil {
		return 0, pageToken{}, false, err
	}
	tok, resumed, err = decodeToken(nextToken, scope)
	return n, tok, resumed, err
}
