package dynamolocal

import "strings"

// parseUpdate reads an update expression: SET, REMOVE, ADD and DELETE
// clauses, each at most once, in any order.
func (p *parser) parseUpdate() ([]updateAction, error) {
	var actions []updateAction
	seen := map[string]bool{}
	if p.peek().typ == tokEOF {
		return nil, p.syntaxError()
	}
	for p.peek().typ != tokEOF {
		t := p.peek()
		if !isClauseKeyword(t) {
			return nil, p.syntaxError()
		}
		verb := strings.ToUpper(t.text)
		if seen[verb] {
			return nil, p.fail("The %q section can only be used once in an update expression;", verb)
		}
		seen[verb] = true
		p.next()
		for {
			a, err := p.parseAction(verb)
			if err != nil {
				return nil, err
			}
			actions = append(actions, a)
			if !p.peek().is(",") {
				break
			}
			p.next()
		}
	}
	for i := range actions {
		for j := i + 1; j < len(actions); j++ {
			if actions[i].path.overlaps(actions[j].path) {
				return nil, p.fail("Two document paths overlap with each other; must remove or rewrite one of these paths; path one: %s, path two: %s",
					actions[i].path, actions[j].path)
			}
		}
	}
	return actions, nil
}

func (p *parser) parseAction(verb string) (updateAction, error) {
	path, err := p.parsePath()
	if err != nil {
		return updateAction{}, err
	}
	a := updateAction{verb: verb, path: path}
	switch verb {
	case "SET":
		if err := p.expect("="); err != nil {
			return a, err
		}
		a.value, err = p.parseSetValue()
	case "ADD", "DELETE":
		if p.peek().typ != tokValue {
			return a, p.syntaxError()
		}
		a.value, err = p.parseValueRef()
		if err == nil {
			err = checkAddDelete(p, verb, a.value.(valueOperand))
		}
	}
	return a, err
}

// checkAddDelete refuses ADD with anything but a number or set, and DELETE
// with anything but a set.
func checkAddDelete(p *parser, verb string, v valueOperand) error {
	k := v.v.kind
	ok := k == kindSS || k == kindNS || k == kindBS || (verb == "ADD" && k == kindN)
	if !ok {
		return p.fail("Incorrect operand type for operator or function; operator: %s, operand type: %s", verb, typeWord(k))
	}
	return nil
}

// typeWord is the type name DynamoDB's update expression messages use.
func typeWord(k kind) string {
	return map[kind]string{kindS: "STRING", kindN: "NUMBER", kindB: "BINARY", kindBOOL: "BOOLEAN", kindNULL: "NULL",
		kindM: "MAP", kindL: "LIST", kindSS: "STRING SET", kindNS: "NUMBER SET", kindBS: "BINARY SET"}[k]
}

// parseSetValue reads operand [+|- operand].
func (p *parser) parseSetValue() (operand, error) {
	l, err := p.parseSetOperand()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.is("+") || t.is("-") {
		p.next()
		r, err := p.parseSetOperand()
		if err != nil {
			return nil, err
		}
		return arithOperand{op: t.text, l: l, r: r}, nil
	}
	return l, nil
}

func (p *parser) parseSetOperand() (operand, error) {
	t := p.peek()
	switch {
	case t.typ == tokValue:
		return p.parseValueRef()
	case t.typ == tokIdent && p.peekAt(1).is("("):
		switch t.text {
		case "if_not_exists", "list_append":
		case "size", "attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains":
			return nil, p.fail("The function is not allowed in an update expression; function: %s", t.text)
		default:
			return nil, p.fail("Invalid function name; function: %s", t.text)
		}
		p.next()
		p.next()
		var args []operand
		for {
			var o operand
			var err error
			if len(args) == 0 && t.text == "if_not_exists" {
				var path docPath
				path, err = p.parsePath()
				o = pathOperand{path: path}
			} else {
				o, err = p.parseSetOperand()
			}
			if err != nil {
				return nil, err
			}
			args = append(args, o)
			if !p.peek().is(",") {
				break
			}
			p.next()
		}
		if err := p.expect(")"); err != nil {
			return nil, err
		}
		if len(args) != 2 {
			return nil, p.fail("Incorrect number of operands for operator or function; operator or function: %s, number of operands: %d", t.text, len(args))
		}
		return callOperand{name: t.text, args: args}, nil
	case t.typ == tokName || t.typ == tokIdent:
		path, err := p.parsePath()
		if err != nil {
			return nil, err
		}
		return pathOperand{path: path}, nil
	}
	return nil, p.syntaxError()
}
