package secretslocal

import "encoding/json"

type rotateSecretInput struct {
	secretIDInput
	ClientRequestToken string          `json:"ClientRequestToken"`
	RotationLambdaARN  string          `json:"RotationLambdaARN"`
	RotationRules      json.RawMessage `json:"RotationRules"`
	RotateImmediately  *bool           `json:"RotateImmediately"`
}

// rotateSecret answers RotateSecret as AWS does when it cannot rotate, and
// rotating always needs a Lambda function the local endpoint would invoke,
// which it does not: without a function named (here or earlier) the answer
// is InvalidRequestException, with one AccessDeniedException, in the words
// LocalStack's AWS-validated test_first_rotate_secret_with_missing_lambda_arn
// and test_rotate_secret_invalid_lambda_arn record, and the secret is left
// without a rotation configuration, as AWS leaves it. Without a
// ClientRequestToken (the SDKs add one) AWS answers InvalidParameterException
// (test_no_client_request_token[RotateSecret]).
func (s *regional) rotateSecret(body []byte) (any, error) {
	check := func(in *rotateSecretInput) error {
		if in.ClientRequestToken == "" {
			return newError(codeInvalidParameter, msgTokenRequired)
		}
		return nil
	}
	return onSecret(s, body, liveOnly, check, func(in *rotateSecretInput, _ *secret) (any, error) {
		if in.RotationLambdaARN == "" {
			return nil, newError(codeInvalidRequest, "No Lambda rotation function ARN is associated with this secret.")
		}
		return nil, newError(codeAccessDenied, "Secrets Manager cannot invoke the specified Lambda function. Ensure that the function policy grants access to the principal secretsmanager.amazonaws.com.")
	})
}
