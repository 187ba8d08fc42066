package secretslocal

import "strings"

// Limits Secrets Manager documents for its API members.
const (
	maxNameLen      = 512
	maxValueBytes   = 65536
	minTokenLen     = 32
	maxTokenLen     = 64
	maxStagesPerPut = 20
	maxStageLen     = 256
)

// valueInput is the value part shared by CreateSecret and PutSecretValue.
type valueInput struct {
	ClientRequestToken string  `json:"ClientRequestToken"`
	SecretString       *string `json:"SecretString"`
	SecretBinary       []byte  `json:"SecretBinary"`
}

// hasValue reports whether the request carries a value.
func (in valueInput) hasValue() bool { return in.SecretString != nil || in.SecretBinary != nil }

// check validates the value and the token.
func (in valueInput) check() error {
	if in.SecretString != nil && in.SecretBinary != nil {
		return newError(codeInvalidParameter, msgStringAndBinary)
	}
	if in.SecretString != nil && len(*in.SecretString) > maxValueBytes {
		return errorf(codeValidation, "1 validation error detected: SecretString must be at most %d bytes", maxValueBytes)
	}
	if len(in.SecretBinary) > maxValueBytes {
		return errorf(codeValidation, "1 validation error detected: SecretBinary must be at most %d bytes", maxValueBytes)
	}
	if in.hasValue() && in.ClientRequestToken == "" {
		// What AWS answers a request that carries a value but no token
		// (LocalStack's AWS-validated test_no_client_request_token); the
		// SDKs and CLIs fill one in, so only hand-made requests see it.
		return newError(codeInvalidRequest, msgTokenRequired)
	}
	if t := in.ClientRequestToken; t != "" && (len(t) < minTokenLen || len(t) > maxTokenLen) {
		return errorf(codeValidation, "1 validation error detected: ClientRequestToken must be %d-%d characters long", minTokenLen, maxTokenLen)
	}
	return nil
}

// checkName validates a secret name: 1 to 512 of the characters AWS allows.
func checkName(name string) error {
	if name == "" || len(name) > maxNameLen {
		return errorf(codeValidation, "1 validation error detected: Name must be 1-%d characters long", maxNameLen)
	}
	if !validName(name) {
		return newError(codeValidation, msgInvalidName)
	}
	return nil
}

// validName reports whether every character of name is one a secret name
// may hold.
func validName(name string) bool {
	for _, c := range name {
		if !nameChar(c) {
			return false
		}
	}
	return true
}

// checkSecretID refuses a SecretId that is neither an ARN nor a possible
// name, as AWS does before looking for the secret (LocalStack's
// AWS-validated test_invalid_secret_name records the same
// ValidationException for DescribeSecret, GetSecretValue, PutSecretValue,
// TagResource and the other actions as for CreateSecret).
func checkSecretID(id string) error {
	if strings.HasPrefix(id, "arn:") || validName(id) {
		return nil
	}
	return newError(codeValidation, msgInvalidName)
}

func nameChar(c rune) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.ContainsRune("/_+=.@-", c)
}

// checkStages validates the VersionStages of a PutSecretValue request.
func checkStages(stages []string) error {
	if len(stages) > maxStagesPerPut {
		return errorf(codeValidation, "1 validation error detected: VersionStages must have at most %d labels", maxStagesPerPut)
	}
	for _, st := range stages {
		if st == "" || len(st) > maxStageLen {
			return errorf(codeValidation, "1 validation error detected: a staging label must be 1-%d characters long", maxStageLen)
		}
	}
	return nil
}

// checkDescription applies the API's length limit on a description.
func checkDescription(d string) error {
	if len(d) > 2048 {
		return errorf(codeValidation, "1 validation error detected: Description must be at most 2048 characters")
	}
	return nil
}

// checkTags validates resource tags as CreateSecret receives them.
func checkTags(tags []tag) error {
	if len(tags) > 50 {
		return errorf(codeValidation, "1 validation error detected: Tags must have at most 50 members")
	}
	for _, t := range tags {
		if t.Key == "" || len(t.Key) > 128 || len(t.Value) > 256 {
			return errorf(codeValidation, "1 validation error detected: invalid tag %q", t.Key)
		}
	}
	return nil
}

// addVersion stores a new value of sec under the request's token (check
// has made sure there is one) and moves stages onto it. A token that already names a
// version with the same value is an idempotent retry and changes nothing; a
// token naming a different value is refused, as versions never change. The
// caller holds s.mu.
func (s *regional) addVersion(sec *secret, in valueInput, stages []string) (*version, error) {
	id := in.ClientRequestToken
	if old, ok := sec.versions[id]; ok && id != "" {
		if !old.sameValue(in.SecretString, in.SecretBinary) {
			return nil, errorf(codeResourceExists,
				"You can't modify an existing version, you can only create a new version. VersionId %s already holds another value.", id)
		}
		return old, nil
	}
	v := &version{id: id, created: s.clock.Now()}
	if in.SecretString != nil {
		str := *in.SecretString
		v.str = &str
	}
	if in.SecretBinary != nil {
		v.bin = append([]byte{}, in.SecretBinary...)
	}
	sec.versions[id] = v
	sec.attach(v, stages)
	sec.changed = v.created
	return v, nil
}
