package dynamolocal

// keyCondition is an analysed KeyConditionExpression: equality on the
// partition key and an optional condition on the sort key.
type keyCondition struct {
	schema keySchema
	hash   *Value
	sort   condition // nil when absent
}

func (kc keyCondition) matches(it Item) bool {
	if !it[kc.schema.hash].equal(kc.hash) {
		return false
	}
	return kc.sort == nil || evalCondition(it, kc.sort)
}

func errKeyCondition(format string, args ...any) *Error {
	return validation(format, args...)
}

// analyzeKeyCondition checks that a key condition names the partition key
// with = and at most one supported condition on the sort key.
func analyzeKeyCondition(c condition, schema keySchema) (keyCondition, error) {
	kc := keyCondition{schema: schema}
	var parts []condition
	var flatten func(condition) error
	flatten = func(c condition) error {
		switch x := c.(type) {
		case andCond:
			if err := flatten(x.l); err != nil {
				return err
			}
			return flatten(x.r)
		case orCond:
			return errKeyCondition("Invalid operator used in KeyConditionExpression: OR")
		case notCond:
			return errKeyCondition("Invalid operator used in KeyConditionExpression: NOT")
		case inCond:
			return errKeyCondition("Invalid operator used in KeyConditionExpression: IN")
		case funcCond:
			if x.name != "begins_with" {
				return errKeyCondition("Invalid operator used in KeyConditionExpression: %s", x.name)
			}
		case compareCond:
			if x.op == "<>" {
				return errKeyCondition("Invalid operator used in KeyConditionExpression: <>")
			}
		}
		parts = append(parts, c)
		return nil
	}
	if err := flatten(c); err != nil {
		return kc, err
	}
	if len(parts) > 2 {
		return kc, errKeyCondition("Conditions can be of length 1 or 2 only")
	}
	seen := map[string]bool{}
	for _, p := range parts {
		name, value, err := keyPart(p)
		if err != nil {
			return kc, err
		}
		if seen[name] {
			return kc, errKeyCondition("KeyConditionExpressions must only contain one condition per key")
		}
		seen[name] = true
		switch name {
		case schema.hash:
			cmp, ok := p.(compareCond)
			if !ok || cmp.op != "=" {
				return kc, errKeyCondition("Query key condition not supported")
			}
			if value[0].kind != schema.hashKind {
				return kc, invalidParam("Condition parameter type does not match schema type")
			}
			kc.hash = value[0]
		case schema.rng:
			for _, v := range value {
				if v.kind != schema.rngKind {
					return kc, invalidParam("Condition parameter type does not match schema type")
				}
			}
			kc.sort = p
		default:
			return kc, errKeyCondition("Query condition missed key schema element: %s", missingKey(seen, schema))
		}
	}
	if kc.hash == nil {
		return kc, errKeyCondition("Query condition missed key schema element: %s", schema.hash)
	}
	return kc, nil
}

func missingKey(seen map[string]bool, k keySchema) string {
	if !seen[k.hash] {
		return k.hash
	}
	return k.rng
}

// keyPart returns the attribute a key condition part constrains and the
// values it compares with; the attribute must be a top-level name and the
// values literals.
func keyPart(c condition) (string, []*Value, error) {
	var attr operand
	var vals []operand
	switch x := c.(type) {
	case compareCond:
		attr, vals = x.l, []operand{x.r}
		if _, ok := x.l.(valueOperand); ok {
			attr, vals = x.r, []operand{x.l}
		}
	case betweenCond:
		attr, vals = x.v, []operand{x.lo, x.hi}
	case funcCond:
		attr, vals = x.args[0], x.args[1:]
	}
	p, ok := attr.(pathOperand)
	if !ok || len(p.path) != 1 {
		return "", nil, errKeyCondition("Invalid KeyConditionExpression: The key condition must only reference key attributes and values")
	}
	var out []*Value
	for _, v := range vals {
		lit, ok := v.(valueOperand)
		if !ok {
			return "", nil, errKeyCondition("Invalid KeyConditionExpression: The key condition must only reference key attributes and values")
		}
		out = append(out, lit.v)
	}
	return p.path[0].name, out, nil
}

// checkFilterKeys refuses a Query filter that names a key attribute of the
// queried table or index: those belong in the key condition.
func checkFilterKeys(c condition, k keySchema) error {
	var bad string
	var walkOperand func(o operand)
	walkOperand = func(o operand) {
		switch x := o.(type) {
		case pathOperand:
			if n := x.path[0].name; bad == "" && (n == k.hash || n == k.rng && k.rng != "") {
				bad = n
			}
		case sizeOperand:
			walkOperand(pathOperand(x))
		}
	}
	var walk func(c condition)
	walk = func(c condition) {
		switch x := c.(type) {
		case andCond:
			walk(x.l)
			walk(x.r)
		case orCond:
			walk(x.l)
			walk(x.r)
		case notCond:
			walk(x.c)
		case compareCond:
			walkOperand(x.l)
			walkOperand(x.r)
		case betweenCond:
			walkOperand(x.v)
			walkOperand(x.lo)
			walkOperand(x.hi)
		case inCond:
			walkOperand(x.v)
			for _, o := range x.list {
				walkOperand(o)
			}
		case funcCond:
			for _, o := range x.args {
				walkOperand(o)
			}
		}
	}
	if c != nil {
		walk(c)
	}
	if bad != "" {
		return validation("Filter Expression can only contain non-primary key attributes: Primary key attribute: %s", bad)
	}
	return nil
}
