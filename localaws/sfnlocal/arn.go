package sfnlocal

import (
	"strings"
)

// stateMachineArn builds the ARN of the state machine called name.
func (s *Service) stateMachineArn(name string) string {
	return "arn:aws:states:" + s.region + ":" + s.account + ":stateMachine:" + name
}

// executionArn builds the ARN of an execution of machine, whose name is
// machineName.
func (s *Service) executionArn(machineName, name string) string {
	return "arn:aws:states:" + s.region + ":" + s.account + ":execution:" + machineName + ":" + name
}

// arnParts splits a Step Functions ARN of the given resource type into
// its resource names, checking the prefix and the number of parts.
func arnParts(arn, member, resourceType string, names int) ([]string, error) {
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
	case len(parts) != 6+names:
		return nil, errorf(codeInvalidArn, "Invalid Arn: 'Invalid %s ARN: %s'", resourceType, arn)
	}
	for _, p := range parts[6:] {
		if p == "" {
			return nil, errorf(codeInvalidArn, "Invalid Arn: 'Invalid %s ARN: %s'", resourceType, arn)
		}
	}
	return parts[6:], nil
}

// checkStateMachineArn validates a state machine ARN from a request.
func checkStateMachineArn(arn string) error {
	_, err := arnParts(arn, "stateMachineArn", "stateMachine", 1)
	return err
}

// checkExecutionArn validates an execution ARN from a request.
func checkExecutionArn(arn string) error {
	_, err := arnParts(arn, "executionArn", "execution", 2)
	return err
}
