package sfnlocal

import (
	"encoding/json"
	"fmt"
	"strings"
)

// checkExecutionInput refuses a StartExecution input that is not JSON. AWS
// reports the parser's complaint inside its frame; the complaints below are
// the ones LocalStack's AWS-validated snapshot of
// TestSnfApi::test_invalid_start_execution_input records
// (tests/aws/services/stepfunctions/v2/test_sfn_api.snapshot.json): an
// empty input, a bare word, and an object whose field name is not in
// double quotes. Other malformed inputs get a plain complaint of this
// endpoint's own.
func checkExecutionInput(input string) error {
	if json.Valid([]byte(input)) {
		return nil
	}
	return errorf(codeInvalidExecutionInput, "Invalid State Machine Execution Input: '%s'", inputComplaint(input))
}

// inputComplaint words what is wrong with an input that is not JSON.
func inputComplaint(input string) string {
	if input == "" {
		return "Invalid execution input."
	}
	t := strings.TrimLeft(input, " \t\r\n")
	if word := leadingWord(t); word != "" && word != "true" && word != "false" && word != "null" {
		return fmt.Sprintf("Unrecognized token '%s': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')", word)
	}
	if rest, ok := strings.CutPrefix(t, "{"); ok {
		rest = strings.TrimLeft(rest, " \t\r\n")
		if rest != "" && rest[0] != '"' && rest[0] != '}' && rest[0] >= 0x20 && rest[0] < 0x7f {
			return fmt.Sprintf("Unexpected character ('%c' (code %d)): was expecting double-quote to start field name", rest[0], rest[0])
		}
	}
	return "The input is not valid JSON"
}

// leadingWord is the run of letters, digits, _ and $ a text starts with,
// if it starts with a letter: what a JSON parser reads as one token.
func leadingWord(t string) string {
	if t == "" || !isLetter(t[0]) {
		return ""
	}
	n := 1
	for n < len(t) && (isLetter(t[n]) || t[n] >= '0' && t[n] <= '9' || t[n] == '_' || t[n] == '$') {
		n++
	}
	return t[:n]
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
