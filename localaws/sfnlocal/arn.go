package sfnlocal

import (
	"strconv"
	"strings"
)

// stateMachineArn builds the ARN of the state machine called name in the
// scope.
func (sc scope) stateMachineArn(name string) string {
	return "arn:" + sc.partition + ":states:" + sc.region + ":" + sc.account + ":stateMachine:" + name
}

// executionArnOf builds the ARN of the execution called name of the state
// machine machineArn: same partition, region and account, "execution"
// instead of "stateMachine".
func executionArnOf(machineArn, name string) string {
	return strings.Replace(machineArn, ":stateMachine:", ":execution:", 1) + ":" + name
}

// versionArnOf builds the ARN of version n of a state machine.
func versionArnOf(machineArn string, n int) string {
	return machineArn + ":" + strconv.Itoa(n)
}

// splitQualified splits a version or alias ARN into the state machine's ARN
// and the qualifier: a version number or an alias name.
func splitQualified(arn string) (base, qualifier string, ok bool) {
	parts := strings.Split(arn, ":")
	if len(parts) != 8 || parts[5] != "stateMachine" || parts[7] == "" {
		return "", "", false
	}
	return strings.Join(parts[:7], ":"), parts[7], true
}

// isVersionNumber reports whether a qualifier is a version number rather
// than an alias name (alias names always hold a letter or punctuation).
func isVersionNumber(q string) bool {
	if q == "" {
		return false
	}
	for _, c := range q {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// arnParts splits a Step Functions ARN of the given resource type into
// its resource names, checking the prefix and that there are between
// minNames and maxNames of them.
func arnParts(arn, member, resourceType string, minNames, maxNames int) ([]string, error) {
	parts := strings.Split(arn, ":")
	switch {
	case arn == "":
		return nil, errorf(codeValidation, "1 validation error detected: Value at '%s' failed to satisfy constraint: Member must have length greater than or equal to 1", member)
	case len(arn) > 256:
		return nil, errorf(codeInvalidArn, "Invalid Arn: 'Resource Name too long: %.64s...'", arn)
	case len(parts) < 6 || parts[0] != "arn" || parts[2] != "states":
		return nil, errorf(codeInvalidArn, "Invalid Arn: 'Invalid ARN prefix: %s'", arn)
	case parts[5] != resourceType:
		return nil, errorf(codeInvalidArn, "Invalid Arn: 'Resource type not valid in this context: %s'", parts[5])
	case len(parts) < 6+minNames || len(parts) > 6+maxNames:
		return nil, errorf(codeInvalidArn, "Invalid Arn: 'Invalid %s ARN: %s'", resourceType, arn)
	}
	for _, p := range parts[6:] {
		if p == "" {
			return nil, errorf(codeInvalidArn, "Invalid Arn: 'Invalid %s ARN: %s'", resourceType, arn)
		}
	}
	return parts[6:], nil
}

// checkStateMachineArn validates a state machine ARN from a request; a
// version or alias ARN (one more name) is well formed too.
func checkStateMachineArn(arn string) error {
	_, err := arnParts(arn, "stateMachineArn", "stateMachine", 1, 2)
	return err
}

// checkExecutionArn validates an execution ARN from a request.
func checkExecutionArn(arn string) error {
	_, err := arnParts(arn, "executionArn", "execution", 2, 2)
	return err
}
