package secretslocal

import (
	"encoding/base64"
	"strconv"
)

// page is where a listing request starts and how many entries it takes,
// read from its MaxResults and NextToken.
type page struct {
	start, limit int
}

// readPage validates MaxResults (1 to 100, 100 by default) and the
// NextToken a previous page handed out.
func readPage(maxResults *int, nextToken string) (page, error) {
	p := page{limit: 100}
	if maxResults != nil {
		if *maxResults < 1 || *maxResults > 100 {
			return page{}, errorf(codeValidation, "1 validation error detected: MaxResults must be between 1 and 100")
		}
		p.limit = *maxResults
	}
	if nextToken != "" {
		raw, err := base64.RawURLEncoding.DecodeString(nextToken)
		n, convErr := strconv.Atoi(string(raw))
		if err != nil || convErr != nil || n < 0 {
			return page{}, errorf(codeInvalidNextToken, "The NextToken value is invalid.")
		}
		p.start = n
	}
	return p, nil
}

// bounds returns the slice of total entries this page covers and the
// token of the next page ("" on the last one).
func (p page) bounds(total int) (start, end int, next string) {
	start = min(p.start, total)
	end = min(start+p.limit, total)
	if end < total {
		next = base64.RawURLEncoding.EncodeToString([]byte(strconv.Itoa(end)))
	}
	return start, end, next
}
