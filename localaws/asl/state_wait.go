package asl

import (
	"encoding/json"
	"fmt"
	"time"
)

// waitState delays the thread for a number of seconds or until a time.
type waitState struct {
	stateBase
	seconds       int64
	hasSeconds    bool
	timestamp     time.Time
	hasTimestamp  bool
	secondsPath   *path
	timestampPath *path
	// JSONata expressions for Seconds and Timestamp.
	secondsAta, timestampAta ataTemplate
}

func (p *parser) wait(b stateBase, m map[string]any, loc string) state {
	chk := p.chk
	s := &waitState{stateBase: b}
	p.flow(&s.stateBase, m, loc)
	s.io = p.io(m, loc, false, false)
	n := 0
	if p.ql == queryJSONata {
		s.secondsAta = p.ataField(m, "Seconds", loc, ataScope{})
		s.timestampAta = p.ataField(m, "Timestamp", loc, ataScope{})
	}
	if s.secondsAta != nil {
		// evaluated when the state runs
	} else if v, ok := chk.integer(m, "Seconds", loc, 0); ok {
		s.seconds, s.hasSeconds = v, true
	}
	if s.timestampAta != nil {
		// evaluated when the state runs
	} else if ts, ok := chk.str(m, "Timestamp", loc); ok {
		t, err := parseTimestamp(ts)
		if err != nil {
			// AWS's wording; a JSONata expression in a JSONPath state is
			// such a string too (scenarios/test_base_scenarios.snapshot.json,
			// TestBaseScenarios::test_wait_timestamp_invalid).
			chk.schema(loc+"/Timestamp", "String does not match RFC3339 timestamp")
		}
		s.timestamp, s.hasTimestamp = t, true
	}
	s.secondsPath, _ = chk.pathField(m, "SecondsPath", loc, true)
	s.timestampPath, _ = chk.pathField(m, "TimestampPath", loc, true)
	for _, k := range []string{"Seconds", "Timestamp", "SecondsPath", "TimestampPath"} {
		if hasKey(m, k) {
			n++
		}
	}
	if n != 1 {
		chk.schema(loc, "Exactly one of the fields 'Seconds', 'Timestamp', 'SecondsPath' and 'TimestampPath' must be defined")
	}
	return s
}

func parseTimestamp(s string) (time.Time, error) {
	return time.Parse(time.RFC3339Nano, s)
}

func (s *waitState) exec(t *thread) step {
	c := t.ctx(s)
	in, f := s.io.selectInput(t.input, c)
	if f != nil {
		return step{fail: f}
	}
	d, f := s.duration(in, c, t.x.engine.clock.Now())
	if f != nil {
		return step{fail: f}
	}
	leave := func() step {
		out, f := s.io.output(t.input, in, c)
		if f != nil {
			return step{fail: f}
		}
		return s.then(out)
	}
	if d <= 0 {
		return leave()
	}
	t.park(d, func() { t.resume(s, leave()) })
	return step{parked: true}
}

// maxWait is the longest delay Step Functions accepts from a Wait state:
// 2^31 seconds; a longer one fails the state at once (recorded on AWS,
// issue 13).
const maxWait = (1 << 31) * time.Second

// duration works out how long to wait from now.
func (s *waitState) duration(in any, c *evalCtx, now time.Time) (time.Duration, *failure) {
	d, f := s.delay(in, c, now)
	if f == nil && d > maxWait {
		// AWS's cause ends with a full stop (base/test_wait.snapshot.json,
		// TestSfnWait::test_timestamp_too_far_in_future_boundary[24856]).
		return 0, fail(ErrNameRuntime, "Wait state delay is too long.")
	}
	return d, f
}

// delay reads whichever of Seconds, Timestamp, SecondsPath and
// TimestampPath the state has.
func (s *waitState) delay(in any, c *evalCtx, now time.Time) (time.Duration, *failure) {
	switch {
	case s.secondsAta != nil || s.timestampAta != nil:
		return s.ataDelay(in, c, now)
	case s.hasSeconds:
		return time.Duration(s.seconds) * time.Second, nil
	case s.hasTimestamp:
		return until(s.timestamp, now), nil
	case s.secondsPath != nil:
		v, err := s.secondsPath.get(in, c)
		if err != nil {
			return 0, fail(ErrNameRuntime, s.secondsPath.noResults())
		}
		return s.secondsValue(v)
	case s.timestampPath != nil:
		v, err := s.timestampPath.get(in, c)
		if err != nil {
			return 0, fail(ErrNameRuntime, s.timestampPath.noResults())
		}
		str, ok := v.(string)
		ts, err := parseTimestamp(str)
		if !ok || err != nil {
			return 0, fail(ErrNameRuntime, fmt.Sprintf("The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: %s == %s",
				s.timestampPath.src, plainText(v)))
		}
		return until(ts, now), nil
	}
	return 0, nil
}

// secondsValue checks what SecondsPath found, with the causes Step
// Functions gives (as localstack records them from AWS).
func (s *waitState) secondsValue(v any) (time.Duration, *failure) {
	n, ok := v.(json.Number)
	i, err := n.Int64()
	if !ok || err != nil {
		return 0, fail(ErrNameRuntime, fmt.Sprintf("The SecondsPath parameter cannot be parsed as a long value: %s == %s",
			s.secondsPath.src, plainText(v)))
	}
	if i < 0 {
		return 0, fail(ErrNameRuntime, fmt.Sprintf("The SecondsPath parameter references a negative value: %s == %d",
			s.secondsPath.src, i))
	}
	if i > int64(maxWait/time.Second) {
		return maxWait + time.Second, nil
	}
	return time.Duration(i) * time.Second, nil
}

// until is the wait until ts, saturating instead of overflowing for
// timestamps centuries away.
func until(ts, now time.Time) time.Duration {
	if ts.After(now.Add(maxWait)) {
		return maxWait + time.Second
	}
	return ts.Sub(now)
}

// plainText renders a value for a cause: strings as they are, anything
// else as JSON.
func plainText(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return encodeValue(v)
}

// ataDelay evaluates a JSONata Seconds or Timestamp.
func (s *waitState) ataDelay(in any, c *evalCtx, now time.Time) (time.Duration, *failure) {
	env := &ataEnv{c: c, input: in}
	if s.secondsAta != nil {
		v, f := s.secondsAta.eval(env)
		if f != nil {
			return 0, f
		}
		n, ok := v.(json.Number)
		i, err := n.Int64()
		if !ok || err != nil || i < 0 {
			return 0, fail(ErrNameRuntime, fmt.Sprintf("The Seconds field must evaluate to a non-negative integer, got %s", encodeValue(v)))
		}
		if i > int64(maxWait/time.Second) {
			return maxWait + time.Second, nil
		}
		return time.Duration(i) * time.Second, nil
	}
	v, f := s.timestampAta.eval(env)
	if f != nil {
		return 0, f
	}
	str, ok := v.(string)
	ts, err := parseTimestamp(str)
	if ok && err != nil {
		// AWS's error, wording and location for a string that is no
		// timestamp (scenarios/test_base_scenarios.snapshot.json,
		// TestBaseScenarios::test_wait_timestamp_jsonata).
		return 0, failAt(ErrNameQueryEvaluation, "Timestamp", "The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: "+str)
	}
	if !ok {
		return 0, fail(ErrNameRuntime, fmt.Sprintf("The Timestamp field must evaluate to an ISO-8601 extended offset date-time format string, got %s", encodeValue(v)))
	}
	return until(ts, now), nil
}
