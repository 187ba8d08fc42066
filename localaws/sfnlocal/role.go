package sfnlocal

import "strings"

// checkRoleArn checks that a state machine's role is an IAM role ARN
// (arn:<partition>:iam::<12-digit account>:role/<path and name>), answering
// a malformed one as AWS does. The role itself is never assumed.
func checkRoleArn(arn string) error {
	parts := strings.SplitN(arn, ":", 6)
	ok := len(parts) == 6 && parts[0] == "arn" && parts[1] != "" && parts[2] == "iam" && parts[3] == "" &&
		len(parts[4]) == 12 && strings.Trim(parts[4], "0123456789") == "" &&
		strings.HasPrefix(parts[5], "role/") && len(parts[5]) > len("role/")
	if !ok {
		return errorf(codeInvalidArn, "Invalid Role Arn: '%s'", arn)
	}
	return nil
}
