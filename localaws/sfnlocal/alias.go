package sfnlocal

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
	"time"
)

// maxAliases is the number of aliases a state machine may have.
const maxAliases = 100

// alias is a named pointer to one or two versions of a state machine,
// splitting StartExecution calls between them by weight.
type alias struct {
	arn, name, description string
	routing                []route
	created, updated       time.Time
}

// route is one entry of an alias's routing configuration.
type route struct {
	VersionArn string `json:"stateMachineVersionArn"`
	Weight     int    `json:"weight"`
}

// routesTo reports whether the alias sends executions to a version.
func (a *alias) routesTo(versionArn string) bool {
	for _, r := range a.routing {
		if r.VersionArn == versionArn {
			return true
		}
	}
	return false
}

// pick chooses the version an execution through the alias runs, at random
// in proportion to the weights.
func (a *alias) pick() string {
	n := rand.IntN(100) // weights sum to 100
	for _, r := range a.routing {
		if n < r.Weight {
			return r.VersionArn
		}
		n -= r.Weight
	}
	return a.routing[len(a.routing)-1].VersionArn
}

// aliasNamePattern is the service's pattern for alias names: letters,
// digits, '_', '-' and '.', at least one of them not a digit so that an
// alias never looks like a version number.
var aliasNamePattern = regexp.MustCompile(`^[a-zA-Z0-9_\-.]*[a-zA-Z_\-.][a-zA-Z0-9_\-.]*$`)

// checkAliasName applies the length and pattern constraints on a name.
func checkAliasName(name string) error {
	if err := checkNameLength("name", name); err != nil {
		return err
	}
	if !aliasNamePattern.MatchString(name) {
		return errorf(codeValidation, `1 validation error detected: Value '%s' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(?=.*[a-zA-Z_\-\.])[a-zA-Z0-9_\-\.]+$`, name)
	}
	return nil
}

// checkRouting validates a routing configuration and returns the ARN of
// the state machine its versions belong to. The wordings are the service's.
func checkRouting(routing []route) (string, error) {
	if len(routing) == 0 {
		return "", errorf(codeValidation, "1 validation error detected: Value '[]' at 'routingConfiguration' failed to satisfy constraint: Member must have length greater than or equal to 1")
	}
	arns := make([]string, len(routing))
	weights := make([]string, len(routing))
	sum := 0
	for i, r := range routing {
		arns[i] = r.VersionArn
		weights[i] = fmt.Sprint(r.Weight)
		sum += r.Weight
	}
	if len(routing) > 2 {
		items := make([]string, len(routing))
		for i, r := range routing {
			items[i] = fmt.Sprintf("RoutingConfigurationListItem(stateMachineVersionArn=%s, weight=%d)", r.VersionArn, r.Weight)
		}
		return "", errorf(codeValidation, "1 validation error detected: Value '[%s]' at 'routingConfiguration' failed to satisfy constraint: Member must have length less than or equal to 2", strings.Join(items, ", "))
	}
	for i, r := range routing {
		switch {
		case r.Weight < 0:
			return "", errorf(codeValidation, "1 validation error detected: Value '%d' at 'routingConfiguration.%d.member.weight' failed to satisfy constraint: Member must have value greater than or equal to 0", r.Weight, i+1)
		case r.Weight > 100:
			return "", errorf(codeValidation, "1 validation error detected: Value '%d' at 'routingConfiguration.%d.member.weight' failed to satisfy constraint: Member must have value less than or equal to 100", r.Weight, i+1)
		}
	}
	bases := make([]string, len(routing))
	for i, r := range routing {
		base, q, ok := splitQualified(r.VersionArn)
		if !ok || !isVersionNumber(q) || checkStateMachineArn(r.VersionArn) != nil {
			return "", errorf(codeValidation, "Routing configuration must contain state machine version ARNs. Received: [%s]", strings.Join(arns, ", "))
		}
		bases[i] = base
	}
	if len(routing) == 2 && routing[0].VersionArn == routing[1].VersionArn {
		return "", errorf(codeValidation, "Routing configuration must contain distinct state machine version ARNs. Received: [%s]", strings.Join(arns, ", "))
	}
	if len(routing) == 2 && bases[0] != bases[1] {
		return "", errorf(codeValidation, "Routing configuration must contain state machine version ARNs of the same state machine. Both stateMachineVersionArn values must belong to the same state machine. Received: [%s]", strings.Join(arns, ", "))
	}
	if sum != 100 {
		return "", errorf(codeValidation, "Sum of routing configuration weights must equal 100. Received: [%s]", strings.Join(weights, ", "))
	}
	return bases[0], nil
}

// aliasOf finds the alias an alias ARN names. The caller holds the store's
// lock.
func (st *store) aliasOf(arn string) (*stateMachine, *alias, bool) {
	base, q, ok := splitQualified(arn)
	if !ok || isVersionNumber(q) {
		return nil, nil, false
	}
	m, ok := st.machines[base]
	if !ok {
		return nil, nil, false
	}
	a, ok := m.aliases[q]
	return m, a, ok
}

// checkVersionsExist checks that every routed version is published. The
// caller holds the store's lock.
func (st *store) checkVersionsExist(routing []route) error {
	for _, r := range routing {
		if _, _, ok := st.version(r.VersionArn); !ok {
			return errorf(codeResourceNotFound, "Request references a resource that does not exist.")
		}
	}
	return nil
}

// sameRouting reports whether two routing configurations are equal.
func sameRouting(a, b []route) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
