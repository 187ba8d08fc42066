package dynamolocal

import (
	"errors"
	"testing"
)

// fuzzContext is a request's names and values for the fuzzer: a name, and
// values of several types, so that type checks run too.
func fuzzContext(s *Service) *exprContext {
	ctx, _ := s.newExprContext(map[string]string{"#a": "a", "#b": "status"}, map[string]*Value{
		":n": {kind: kindN, str: "1"}, ":s": {kind: kindS, str: "x"}, ":l": {kind: kindL, l: []*Value{{kind: kindS, str: "y"}}},
		":ss": {kind: kindSS, set: []string{"p", "q"}}, ":t": {kind: kindS, str: "N"},
	})
	return ctx
}

func fuzzItem() Item {
	return Item{
		"pk": {kind: kindS, str: "k"}, "a": {kind: kindN, str: "5"}, "status": {kind: kindS, str: "OPEN"},
		"m":  {kind: kindM, m: map[string]*Value{"x": {kind: kindL, l: []*Value{{kind: kindN, str: "1"}}}}},
		"ss": {kind: kindSS, set: []string{"p"}},
	}
}

// checkValidation fails unless err is nil or a ValidationException, the
// only error malformed expressions may produce.
func checkValidation(t *testing.T, what, src string, err error) {
	t.Helper()
	if err == nil {
		return
	}
	var e *Error
	if !errors.As(err, &e) || e.Code != codeValidation || e.Message == "" {
		t.Fatalf("%s %q: error %v is not a ValidationException", what, src, err)
	}
}

// FuzzExpressions feeds arbitrary text to every expression parser and runs
// what parses against an item: nothing may panic, and every refusal must be
// a ValidationException, as AWS answers malformed expressions.
func FuzzExpressions(f *testing.F) {
	for _, seed := range []string{
		"attribute_exists(a) AND NOT (#a BETWEEN :n AND :n OR #b IN (:s, :s))",
		"size(m.x[0]) > :n", "begins_with(#b, :s)", "contains(ss, :s)", "attribute_type(a, :t)",
		"SET a = a + :n, m.x[3] = :s REMOVE m.x[0] ADD ss :ss DELETE ss :ss",
		"SET #a = if_not_exists(#a, :n), l = list_append(:l, if_not_exists(l, :l))",
		"a, m.x[0], #b", "pk = :s AND begins_with(#b, :s)", "ADD hits : incr", "SET a = = :n", "((((", "m.x[99999999999]",
		"a[0][1].b.#a", "SET a = :n -", "REMOVE a, a.b", "\x00", "é = :s",
	} {
		f.Add(seed)
	}
	s := New(Config{})
	f.Fuzz(func(t *testing.T, src string) {
		ctx := fuzzContext(s)
		if p, err := newParser(ctx, "ConditionExpression", src); err != nil {
			checkValidation(t, "condition", src, err)
		} else if c, err := p.parseCondition(); err != nil {
			checkValidation(t, "condition", src, err)
		} else {
			evalCondition(fuzzItem(), c)
			_, err := analyzeKeyCondition(c, keySchema{hash: "pk", hashKind: kindS, rng: "a", rngKind: kindN})
			checkValidation(t, "key condition", src, err)
		}
		if p, err := newParser(ctx, "UpdateExpression", src); err != nil {
			checkValidation(t, "update", src, err)
		} else if actions, err := p.parseUpdate(); err != nil {
			checkValidation(t, "update", src, err)
		} else {
			_, _, err := applyUpdate(fuzzItem(), actions)
			checkValidation(t, "apply update", src, err)
		}
		if p, err := newParser(ctx, "ProjectionExpression", src); err != nil {
			checkValidation(t, "projection", src, err)
		} else if paths, err := p.parseProjection(); err != nil {
			checkValidation(t, "projection", src, err)
		} else {
			project(fuzzItem(), paths)
		}
		checkValidation(t, "unused", src, ctx.checkUnused())
	})
}
