package asl

// jsonataState parses a state whose QueryLanguage is JSONata: the same
// state types, with Arguments, Output, Assign and "{% %}" expressions in
// place of the JSONPath fields, which such a state refuses
// (https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html).
func (p *parser) jsonataState(name, kind string, m map[string]any, loc string) state {
	chk := p.chk
	b := stateBase{name: name, kind: kind, entered: kind + "StateEntered", exited: kind + "StateExited"}
	allowed := func(fields ...string) []string {
		return append([]string{"Type", "Comment", "QueryLanguage"}, fields...)
	}
	flow := []string{"Next", "End"}
	errs := []string{"Retry", "Catch"}
	switch kind {
	case "Pass":
		chk.fields(m, loc, allowed(append(flow, "Output", "Assign")...), nil)
		return p.pass(b, m, loc)
	case "Task":
		chk.fields(m, loc, allowed(append(append(flow, errs...), "Arguments", "Output", "Assign",
			"TimeoutSeconds", "HeartbeatSeconds", "Credentials")...), []string{"Resource"})
		return p.task(b, m, loc)
	case "Choice":
		chk.fields(m, loc, allowed("Default", "Output", "Assign"), []string{"Choices"})
		return p.choice(b, m, loc)
	case "Wait":
		chk.fields(m, loc, allowed(append(flow, "Seconds", "Timestamp", "Output", "Assign")...), nil)
		return p.wait(b, m, loc)
	case "Succeed":
		chk.fields(m, loc, allowed("Output"), nil)
		b.io = p.io(m, loc, false, false)
		return &succeedState{stateBase: b}
	case "Fail":
		chk.fields(m, loc, allowed("Error", "Cause"), nil)
		b.exited = ""
		return p.failState(b, m, loc)
	case "Parallel":
		chk.fields(m, loc, allowed(append(append(flow, errs...), "Arguments", "Output", "Assign")...), []string{"Branches"})
		return p.parallel(b, m, loc)
	case "Map":
		chk.fields(m, loc, allowed(append(append(flow, errs...), "Items", "ItemSelector", "ItemProcessor", "Iterator",
			"MaxConcurrency", "ToleratedFailureCount", "ToleratedFailurePercentage", "Label", "ItemReader",
			"ItemBatcher", "ResultWriter", "Output", "Assign")...), nil)
		return p.mapState(b, m, loc)
	}
	chk.schema(loc+"/Type", "Value is not one of [Pass, Task, Choice, Wait, Succeed, Fail, Parallel, Map]")
	return nil
}

// ataField compiles one field that may hold a JSONata expression (Seconds,
// Timestamp, Error, Cause, MaxConcurrency...), or nil when absent or not
// an expression.
func (p *parser) ataField(m map[string]any, key, loc string, sc ataScope) ataTemplate {
	s, ok := m[key].(string)
	if !ok || !isAtaString(s) {
		return nil
	}
	return p.compileAta(s, key, loc+"/"+key, sc)
}
