package sqslocal

import (
	"encoding/base64"
	"strconv"
	"strings"
)

// receipt identifies one receive of one message. Each receive issues a new
// generation, so a handle from an earlier receive can be told apart.
type receipt struct {
	queue string
	id    string
	gen   uint64
}

// encode renders the receipt as an opaque handle.
func (r receipt) encode() string {
	raw := "sqslocal1\n" + r.queue + "\n" + r.id + "\n" + strconv.FormatUint(r.gen, 10)
	return base64.RawURLEncoding.EncodeToString([]byte(raw))
}

// parseReceipt decodes a handle made by encode.
func parseReceipt(handle string) (receipt, *Error) {
	invalid := newError(CodeReceiptHandleIsInvalid, "The input receipt handle \"%s\" is not a valid receipt handle.", truncate(handle, 100))
	if handle == "" {
		return receipt{}, errMissing("ReceiptHandle")
	}
	raw, err := base64.RawURLEncoding.DecodeString(handle)
	if err != nil {
		return receipt{}, invalid
	}
	parts := strings.Split(string(raw), "\n")
	if len(parts) != 4 || parts[0] != "sqslocal1" || parts[1] == "" || parts[2] == "" {
		return receipt{}, invalid
	}
	gen, err := strconv.ParseUint(parts[3], 10, 64)
	if err != nil {
		return receipt{}, invalid
	}
	return receipt{queue: parts[1], id: parts[2], gen: gen}, nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}
