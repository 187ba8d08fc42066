package sqslocal

import (
	"crypto/md5"
	"encoding/binary"
	"encoding/hex"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/payflow-dev/payflow/localaws/awsproto"
)

// MessageAttribute is one user-defined message attribute. DataType is
// String, Number or Binary, optionally followed by a custom label such as
// "Number.float". String and Number types use StringValue, Binary types use
// BinaryValue.
type MessageAttribute struct {
	// DataType is the attribute's type, e.g. "String".
	DataType string `json:"DataType"`
	// StringValue is the value of String and Number attributes.
	StringValue string `json:"StringValue,omitempty"`
	// BinaryValue is the value of Binary attributes.
	BinaryValue []byte `json:"BinaryValue,omitempty"`
}

// msgState is where a message is in its life.
type msgState uint8

const (
	stateReady    msgState = iota // visible, in the ready list
	stateDelayed                  // waiting out DelaySeconds, in the timed heap
	stateInflight                 // received and invisible, in the timed heap
	stateGone                     // deleted, moved or expired
)

// message is one stored message. It belongs to exactly one queue and is
// guarded by that queue's mutex.
type message struct {
	id       string
	body     string
	attrs    map[string]MessageAttribute
	md5Body  string
	md5Attrs string
	sentAt   time.Time
	senderID string
	// sourceARN is set once a message has been moved to a dead-letter queue.
	sourceARN string
	// arrival numbers the message in the order it reached its queue; a
	// standard queue hands out older arrivals first.
	arrival uint64
	// groupID, dedupID and seq order and deduplicate FIFO messages; seq is
	// zero on standard queues.
	groupID string
	dedupID string
	seq     uint64
	// traceHeader is the AWSTraceHeader system attribute, if sent.
	traceHeader string
	md5System   string

	state        msgState
	due          time.Time // when a delayed or in-flight message turns visible
	heapIndex    int
	receives     int
	firstReceive time.Time
	receipt      uint64 // generation of the current receipt handle
}

// md5Hex is the hex MD5 digest SQS reports for a message body.
func md5Hex(s string) string {
	sum := md5.Sum([]byte(s))
	return hex.EncodeToString(sum[:])
}

// md5OfAttributes computes MD5OfMessageAttributes the way SQS does: for
// each attribute in name order, the length-prefixed name, the
// length-prefixed data type, a transport byte (1 for string values, 2 for
// binary) and the length-prefixed value. Lengths are 4-byte big-endian. It
// returns "" for no attributes, as SQS omits the digest then.
func md5OfAttributes(attrs map[string]MessageAttribute) string {
	if len(attrs) == 0 {
		return ""
	}
	names := make([]string, 0, len(attrs))
	for name := range attrs {
		names = append(names, name)
	}
	sort.Strings(names)
	h := md5.New()
	var n [4]byte
	field := func(b []byte) {
		binary.BigEndian.PutUint32(n[:], uint32(len(b)))
		h.Write(n[:])
		h.Write(b)
	}
	for _, name := range names {
		a := attrs[name]
		field([]byte(name))
		field([]byte(a.DataType))
		if isBinaryType(a.DataType) {
			h.Write([]byte{2})
			field(a.BinaryValue)
		} else {
			h.Write([]byte{1})
			field([]byte(a.StringValue))
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

func isBinaryType(dataType string) bool {
	return dataType == "Binary" || strings.HasPrefix(dataType, "Binary.")
}

// validBody reports whether s holds only the characters SQS accepts:
// #x9, #xA, #xD, #x20 to #xD7FF, #xE000 to #xFFFD, #x10000 to #x10FFFF.
func validBody(s string) bool {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size <= 1 {
				return false
			}
		}
		switch {
		case r == 0x9 || r == 0xA || r == 0xD:
		case r >= 0x20 && r <= 0xD7FF:
		case r >= 0xE000 && r <= 0xFFFD:
		case r >= 0x10000 && r <= 0x10FFFF:
		default:
			return false
		}
	}
	return true
}

// validateAttributes checks user message attributes against SQS's rules
// and returns the bytes they count towards the message size.
func validateAttributes(attrs map[string]MessageAttribute) (int, *Error) {
	if len(attrs) > 10 {
		return 0, newError(CodeInvalidParameterValue, "Number of message attributes [%d] exceeds the allowed maximum [10].", len(attrs))
	}
	size := 0
	for name, a := range attrs {
		if !awsproto.ValidAttributeName(name) {
			return 0, newError(CodeInvalidParameterValue, "Message (user) attribute name '%s' is invalid.", name)
		}
		if a.DataType == "" {
			return 0, newError(CodeInvalidParameterValue, "The message attribute '%s' must contain non-empty message attribute type.", name)
		}
		base, _, _ := strings.Cut(a.DataType, ".")
		if len(a.DataType) > 256 || (base != "String" && base != "Number" && base != "Binary") || !validBody(a.DataType) {
			return 0, newError(CodeInvalidParameterValue, "The type of message (user) attribute '%s' is invalid. You must use only the following supported type prefixes: Binary, Number, String.", name)
		}
		switch base {
		case "Binary":
			if len(a.BinaryValue) == 0 {
				return 0, newError(CodeInvalidParameterValue, "Message (user) attribute '%s' must contain a non-empty value of type '%s'.", name, a.DataType)
			}
			size += len(a.BinaryValue)
		default:
			if a.StringValue == "" {
				return 0, newError(CodeInvalidParameterValue, "Message (user) attribute '%s' must contain a non-empty value of type '%s'.", name, a.DataType)
			}
			if !validBody(a.StringValue) {
				return 0, newError(CodeInvalidParameterValue, "Message (user) attribute '%s' value contains invalid characters.", name)
			}
			size += len(a.StringValue)
		}
		size += len(name) + len(a.DataType)
	}
	return size, nil
}
