package dynamolocal

import (
	_ "embed"
	"sort"
	"strings"
)

//go:embed reserved_words.txt
var reservedWordsText string

// reservedWords is the set of DynamoDB's reserved words, upper case. It
// is built by newExprContext's callers once per Service.
type reservedWords map[string]bool

func loadReservedWords() reservedWords {
	out := reservedWords{}
	for _, line := range strings.Split(reservedWordsText, "\n") {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			out[line] = true
		}
	}
	return out
}

// exprContext holds one request's ExpressionAttributeNames and
// ExpressionAttributeValues and records which of them its expressions
// use, so that unused ones are refused as in AWS.
type exprContext struct {
	names      map[string]string
	values     map[string]*Value
	usedNames  map[string]bool
	usedValues map[string]bool
	reserved   reservedWords
}

func (s *Service) newExprContext(names map[string]string, values map[string]*Value) (*exprContext, error) {
	if names != nil && len(names) == 0 {
		return nil, validation("ExpressionAttributeNames must not be empty")
	}
	if values != nil && len(values) == 0 {
		return nil, validation("ExpressionAttributeValues must not be empty")
	}
	for k, v := range values {
		if v == nil {
			return nil, validation("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes")
		}
		if !strings.HasPrefix(k, ":") {
			return nil, validation("ExpressionAttributeValues contains invalid key: Syntax error; key: %q", k)
		}
	}
	for k := range names {
		if !strings.HasPrefix(k, "#") {
			return nil, validation("ExpressionAttributeNames contains invalid key: Syntax error; key: %q", k)
		}
	}
	return &exprContext{names: names, values: values, usedNames: map[string]bool{}, usedValues: map[string]bool{},
		reserved: s.reserved}, nil
}

// checkUnused refuses names and values no expression used; called once
// every expression of the request is parsed.
func (c *exprContext) checkUnused() error {
	var names, values []string
	for k := range c.names {
		if !c.usedNames[k] {
			names = append(names, k)
		}
	}
	for k := range c.values {
		if !c.usedValues[k] {
			values = append(values, k)
		}
	}
	sort.Strings(names)
	sort.Strings(values)
	if len(names) > 0 {
		return validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {%s}", strings.Join(names, ", "))
	}
	if len(values) > 0 {
		return validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {%s}", strings.Join(values, ", "))
	}
	return nil
}

// noExpressions refuses ExpressionAttributeNames or Values sent with none
// of the request's expressions; exprs names them for the message, e.g.
// "UpdateExpression and ConditionExpression".
func noExpressions(names map[string]string, values map[string]*Value, exprs string) error {
	verb := "is"
	if strings.Contains(exprs, " and ") {
		verb = "are"
	}
	if names != nil {
		return validation("ExpressionAttributeNames can only be specified when using expressions")
	}
	if values != nil {
		return validation("ExpressionAttributeValues can only be specified when using expressions: %s %s null", exprs, verb)
	}
	return nil
}
