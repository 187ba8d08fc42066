package asl

import (
	"encoding/json"
	"fmt"
	"strconv"
)

// mapState runs its item processor once per item of an input array and
// outputs the array of the iterations' outputs.
type mapState struct {
	stateBase
	processor    *stateSet
	itemsPath    *path
	itemSelector template
	maxConc      int
	maxConcPath  *path
	tolerance    *tolerance
	// tolCountAta and tolPercentAta are JSONata ToleratedFailureCount and
	// ToleratedFailurePercentage expressions, evaluated when the state runs.
	tolCountAta, tolPercentAta ataTemplate
	// JSONata: Items, ItemSelector and MaxConcurrency expressions.
	itemsAta, selectorAta, maxConcAta ataTemplate
}

// tolerance is a Map state's ToleratedFailureCount/Percentage.
type tolerance struct {
	count      int64
	hasCount   bool
	percentage float64
	hasPercent bool
}

// allows reports whether failures out of total stays within tolerance.
func (tl *tolerance) allows(failures, total int) bool {
	if tl.hasCount && int64(failures) > tl.count {
		return false
	}
	if tl.hasPercent && float64(failures)*100 > tl.percentage*float64(total) {
		return false
	}
	return tl.hasCount || tl.hasPercent
}

func (s *mapState) eventPrefix() string { return "Map" }

func (p *parser) mapState(b stateBase, m map[string]any, loc string) state {
	chk := p.chk
	s := &mapState{stateBase: b}
	p.flow(&s.stateBase, m, loc)
	s.io = p.io(m, loc, false, true)
	p.errorHandling(&s.stateBase, m, loc)
	s.itemsPath, _ = chk.pathField(m, "ItemsPath", loc, true)
	if p.ql == queryJSONata {
		if v, ok := m["Items"]; ok {
			s.itemsAta = p.compileAta(v, "Items", loc+"/Items", ataScope{})
		}
		if v, ok := m["ItemSelector"]; ok {
			s.selectorAta = p.compileAta(v, "ItemSelector", loc+"/ItemSelector", ataScope{})
		}
		s.maxConcAta = p.ataField(m, "MaxConcurrency", loc, ataScope{})
		// AWS accepts expressions here too (evaluate_jsonata/
		// test_base_evaluate_expressions.snapshot.json,
		// TestBaseEvaluateJsonata::test_base_map[TOLERATED_FAILURE_COUNT]).
		s.tolCountAta = p.ataField(m, "ToleratedFailureCount", loc, ataScope{})
		s.tolPercentAta = p.ataField(m, "ToleratedFailurePercentage", loc, ataScope{})
	} else {
		for _, k := range []string{"ItemSelector", "Parameters"} {
			if v, ok := m[k]; ok {
				s.itemSelector = compileTemplate(v, loc+"/"+k, chk)
			}
		}
	}
	if hasKey(m, "ItemSelector") && hasKey(m, "Parameters") {
		chk.schema(loc, "Only one of the fields 'ItemSelector' and 'Parameters' may be defined")
	}
	if s.maxConcAta == nil {
		if n, ok := chk.integer(m, "MaxConcurrency", loc, 0); ok {
			s.maxConc = int(n)
		}
	}
	s.maxConcPath, _ = chk.pathField(m, "MaxConcurrencyPath", loc, true)
	for _, k := range []string{"ItemReader", "ItemBatcher", "ResultWriter", "ToleratedFailureCountPath", "ToleratedFailurePercentagePath"} {
		if hasKey(m, k) {
			chk.schema(loc+"/"+k, "The field '%s' (distributed Map) is not supported by this local engine", k)
		}
	}
	tl := &tolerance{}
	if s.tolCountAta == nil {
		tl.count, tl.hasCount = chk.integer(m, "ToleratedFailureCount", loc, 0)
	}
	if s.tolPercentAta == nil {
		tl.percentage, tl.hasPercent = chk.number(m, "ToleratedFailurePercentage", loc, 0)
	}
	if tl.hasPercent && tl.percentage > 100 {
		chk.schema(loc+"/ToleratedFailurePercentage", "Value must be at most 100")
	}
	if tl.hasCount || tl.hasPercent {
		s.tolerance = tl
	}
	procKey := "ItemProcessor"
	pm, hasProc := chk.object(m, "ItemProcessor", loc)
	if im, ok := chk.object(m, "Iterator", loc); ok {
		if hasProc {
			chk.schema(loc, "Only one of the fields 'ItemProcessor' and 'Iterator' may be defined")
		}
		pm, hasProc, procKey = im, true, "Iterator"
	}
	if !hasProc {
		if !hasKey(m, "ItemProcessor") && !hasKey(m, "Iterator") {
			chk.schema(loc, "These fields are required: [ItemProcessor]")
		}
		return s
	}
	ploc := loc + "/" + procKey
	chk.fields(pm, ploc, []string{"Comment", "ProcessorConfig", "QueryLanguage"}, []string{"StartAt", "States"})
	if pc, ok := chk.object(pm, "ProcessorConfig", ploc); ok {
		if mode, ok := chk.str(pc, "Mode", ploc+"/ProcessorConfig"); ok && mode != "INLINE" {
			chk.schema(ploc+"/ProcessorConfig/Mode", "Only INLINE Map states are supported by this local engine")
		}
	}
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxNesting {
		chk.add("TOO_DEEPLY_NESTED", loc, "The states are nested more than %d levels deep", maxNesting)
		return s
	}
	s.processor = p.stateSet(pm, ploc)
	return s
}

func (s *mapState) exec(t *thread) step {
	c := t.ctx(s)
	in, f := s.io.selectInput(t.input, c)
	if f != nil {
		return step{fail: f}
	}
	itemsVal := in
	if s.itemsAta != nil {
		v, f := s.itemsAta.eval(&ataEnv{c: c, input: in})
		if f != nil {
			return step{fail: f}
		}
		itemsVal = v
	}
	if s.itemsPath != nil {
		v, err := s.itemsPath.get(in, c)
		if err != nil {
			return step{fail: fail(ErrNameRuntime, s.itemsPath.noResults())}
		}
		itemsVal = v
	}
	items, ok := itemsVal.([]any)
	if !ok && s.itemsAta != nil {
		return step{fail: itemsTypeFailure(s.itemsAta, itemsVal)}
	}
	if !ok {
		if _, ata := s.io.(*ataIO); ata {
			// AWS's error and wording for a JSONata Map without Items
			// (scenarios/test_base_scenarios.snapshot.json,
			// TestBaseScenarios::test_map_state_items_input_types).
			return step{fail: fail(ErrNameQueryEvaluation, fmt.Sprintf("Map state input must be an array but was: %s", encodeValue(itemsVal)))}
		}
		return step{fail: fail(ErrNameRuntime, fmt.Sprintf("Map state input must be an array, got %s", encodeValue(itemsVal)))}
	}
	maxConc := s.maxConc
	if s.maxConcAta != nil {
		v, f := s.maxConcAta.eval(&ataEnv{c: c, input: in})
		if f != nil {
			return step{fail: f}
		}
		n, ok := v.(json.Number)
		i, err := n.Int64()
		if !ok || err != nil || i < 0 {
			return step{fail: fail(ErrNameRuntime, fmt.Sprintf("Expected non-negative integer for MaxConcurrency, got '%s' instead.", plainText(v)))}
		}
		maxConc = int(i)
	}
	if s.maxConcPath != nil {
		n, f := s.concurrencyFromPath(in, c)
		if f != nil {
			return step{fail: f}
		}
		maxConc = n
	}
	tol, f := s.evalTolerance(in, c)
	if f != nil {
		return step{fail: f}
	}
	inputs := make([]any, len(items))
	for i, item := range items {
		inputs[i] = item
		if s.selectorAta != nil {
			ic := t.ctx(s)
			ic.item = &mapItem{index: i, value: item}
			v, f := s.selectorAta.eval(&ataEnv{c: ic, input: in})
			if f != nil {
				return step{fail: f}
			}
			inputs[i] = v
		}
		if s.itemSelector != nil {
			ic := t.ctx(s)
			ic.item = &mapItem{index: i, value: item}
			v, f := s.itemSelector.eval(in, ic)
			if f != nil {
				return step{fail: f}
			}
			inputs[i] = v
		}
	}
	if !t.record("MapStateStarted", "mapStateStartedEventDetails", &MapStateStartedEventDetails{Length: len(items)}) {
		return step{parked: true}
	}
	if len(items) == 0 {
		// A side event, as after iterations: MapStateExited points at
		// MapStateStarted (AWS-recorded, see group.childDone).
		started := t.last
		if !t.record("MapStateSucceeded", "", nil) {
			return step{parked: true}
		}
		t.x.mu.Lock()
		t.last = started
		t.x.mu.Unlock()
		out, f := s.io.output(t.input, []any{}, c)
		if f != nil {
			return step{fail: f}
		}
		return s.then(out)
	}
	x := t.x
	g := &group{parent: t, s: s, results: make([]any, len(items)), succeeded: make([]bool, len(items)), pending: len(items), inputs: inputs,
		maxConc: maxConc, tolerance: tol}
	x.mu.Lock()
	if t.dead || x.closed {
		x.mu.Unlock()
		return step{parked: true}
	}
	t.active = g
	n := len(items)
	if maxConc > 0 && maxConc < n {
		n = maxConc
	}
	launch := make([]*thread, 0, n)
	for range n {
		if x.closed { // the history limit ended the execution
			break
		}
		launch = append(launch, g.startIterationLocked(t.last))
	}
	x.busy += len(launch)
	x.mu.Unlock()
	for _, ch := range launch {
		go ch.runCounted()
	}
	return step{parked: true}
}

// concurrencyFromPath reads MaxConcurrencyPath. Step Functions accepts an
// integer or a string holding one; its causes for anything else are
// mirrored here (as localstack records them from AWS).
func (s *mapState) concurrencyFromPath(in any, c *evalCtx) (int, *failure) {
	v, err := s.maxConcPath.get(in, c)
	if err != nil {
		return 0, fail(ErrNameRuntime, s.maxConcPath.noResults())
	}
	text := encodeValue(v)
	if str, ok := v.(string); ok {
		text = str
	}
	i, perr := strconv.ParseInt(text, 10, 32)
	if perr != nil {
		return 0, fail(ErrNameRuntime, fmt.Sprintf(
			"The MaxConcurrencyPath field refers to value \"%s\" which is not a valid integer: %s", text, s.maxConcPath.src))
	}
	if i < 0 {
		return 0, fail(ErrNameRuntime, fmt.Sprintf("Expected non-negative integer for MaxConcurrency, got '%d' instead.", i))
	}
	return int(i), nil
}

// itemsTypeFailure is the error of a JSONata Items that is not an array,
// worded as AWS words it (as localstack records it from AWS).
func itemsTypeFailure(items ataTemplate, v any) *failure {
	src := "..."
	if e, ok := items.(*ataExpr); ok {
		src = e.expr.String()
	}
	kind := "object"
	switch v.(type) {
	case string:
		kind = "string"
	case bool:
		kind = "boolean"
	case nil:
		kind = "null"
	case map[string]any:
	default:
		kind = "number"
	}
	return failAt(ErrNameQueryEvaluation, "Items", fmt.Sprintf(
		"The JSONata expression '%s' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was '%s' for value: %s",
		src, kind, encodeValue(v)))
}

// evalTolerance is the state's tolerance, with its JSONata expressions
// evaluated against the state input.
func (s *mapState) evalTolerance(in any, c *evalCtx) (*tolerance, *failure) {
	if s.tolCountAta == nil && s.tolPercentAta == nil {
		return s.tolerance, nil
	}
	tl := &tolerance{}
	if s.tolerance != nil {
		*tl = *s.tolerance
	}
	if s.tolCountAta != nil {
		v, f := s.tolCountAta.eval(&ataEnv{c: c, input: in})
		if f != nil {
			return nil, f
		}
		n, ok := v.(json.Number)
		i, err := n.Int64()
		if !ok || err != nil || i < 0 {
			return nil, fail(ErrNameRuntime, fmt.Sprintf("Expected non-negative integer for ToleratedFailureCount, got '%s' instead.", plainText(v)))
		}
		tl.count, tl.hasCount = i, true
	}
	if s.tolPercentAta != nil {
		v, f := s.tolPercentAta.eval(&ataEnv{c: c, input: in})
		if f != nil {
			return nil, f
		}
		n, ok := v.(json.Number)
		p, err := n.Float64()
		if !ok || err != nil || p < 0 || p > 100 {
			return nil, fail(ErrNameRuntime, fmt.Sprintf("Expected non-negative number between 0 and 100 for ToleratedFailurePercentage, got '%s' instead.", plainText(v)))
		}
		tl.percentage, tl.hasPercent = p, true
	}
	return tl, nil
}
