package asl

import (
	"fmt"
	"math"
	"time"
)

// retrier is one element of a state's Retry field.
type retrier struct {
	errorEquals []string
	interval    time.Duration
	maxAttempts int
	backoff     float64
	maxDelay    time.Duration
	fullJitter  bool
}

// catcher is one element of a state's Catch field.
type catcher struct {
	errorEquals []string
	next        state
	resultPath  *path
	resultNull  bool
	assign      template // JSONPath Assign, reading the error output
	// JSONata: Output and Assign, reading $states.errorOutput.
	ata       bool
	out       ataTemplate
	assignAta ataTemplate
}

// delay is how long to wait before retry number attempt (0 for the first
// retry), following IntervalSeconds, BackoffRate, MaxDelaySeconds and
// JitterStrategy.
func (r *retrier) delay(attempt int, random func() float64) time.Duration {
	d := float64(r.interval) * math.Pow(r.backoff, float64(attempt))
	if r.maxDelay > 0 && d > float64(r.maxDelay) {
		d = float64(r.maxDelay)
	}
	if r.fullJitter {
		d *= random()
	}
	return time.Duration(d)
}

// errorHandling parses Retry and Catch.
func (p *parser) errorHandling(b *stateBase, m map[string]any, loc string) {
	chk := p.chk
	if v, ok := m["Retry"]; ok {
		list, ok := v.([]any)
		if !ok {
			chk.schema(loc+"/Retry", "Expected value of type: Array")
		}
		for i, e := range list {
			rloc := loc + "/Retry/" + itoa(i)
			rm, ok := e.(map[string]any)
			if !ok {
				chk.schema(rloc, "Expected value of type: Object")
				continue
			}
			chk.fields(rm, rloc, []string{"IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds",
				"JitterStrategy", "Comment"}, []string{"ErrorEquals"})
			r := retrier{interval: time.Second, maxAttempts: 3, backoff: 2}
			r.errorEquals = p.errorEquals(rm, rloc, i == len(list)-1)
			if n, ok := chk.integer(rm, "IntervalSeconds", rloc, 1); ok {
				r.interval = time.Duration(n) * time.Second
			}
			if n, ok := chk.integer(rm, "MaxAttempts", rloc, 0); ok {
				r.maxAttempts = int(n)
			}
			if f, ok := chk.number(rm, "BackoffRate", rloc, 1); ok {
				r.backoff = f
			}
			if n, ok := chk.integer(rm, "MaxDelaySeconds", rloc, 1); ok {
				r.maxDelay = time.Duration(n) * time.Second
			}
			if s, ok := chk.str(rm, "JitterStrategy", rloc); ok {
				switch s {
				case "FULL":
					r.fullJitter = true
				case "NONE":
				default:
					chk.schema(rloc+"/JitterStrategy", "Value is not one of [FULL, NONE]")
				}
			}
			b.retriers = append(b.retriers, r)
		}
	}
	if v, ok := m["Catch"]; ok {
		list, ok := v.([]any)
		if !ok {
			chk.schema(loc+"/Catch", "Expected value of type: Array")
		}
		b.catchers = make([]catcher, len(list))
		for i, e := range list {
			cloc := loc + "/Catch/" + itoa(i)
			cm, ok := e.(map[string]any)
			if !ok {
				chk.schema(cloc, "Expected value of type: Object")
				continue
			}
			c := &b.catchers[i]
			if p.ql == queryJSONata {
				chk.fields(cm, cloc, []string{"Output", "Assign", "Comment"}, []string{"ErrorEquals", "Next"})
				c.ata = true
				sc := ataScope{errorOutput: true}
				if v, ok := cm["Output"]; ok {
					c.out = p.compileAta(v, fmt.Sprintf("Catch[%d]/Output", i), cloc+"/Output", sc)
				}
				c.assignAta = p.assignField(cm, fmt.Sprintf("Catch[%d]/", i), cloc, sc)
			} else {
				chk.fields(cm, cloc, []string{"ResultPath", "Assign", "Comment"}, []string{"ErrorEquals", "Next"})
				if am, ok := cm["Assign"].(map[string]any); ok {
					p.checkAssignNames(am, cloc, true)
					c.assign = compileTemplate(am, cloc+"/Assign", chk)
				}
			}
			c.errorEquals = p.errorEquals(cm, cloc, i == len(list)-1)
			c.resultPath, c.resultNull = chk.pathField(cm, "ResultPath", cloc, true)
			c.resultNull = c.resultNull && c.resultPath == nil
			if c.resultPath != nil && c.resultPath.whole && !c.resultPath.context {
				c.resultPath = nil
			}
			if next, ok := chk.str(cm, "Next", cloc); ok {
				b.transitions = append(b.transitions, transition{name: next, loc: cloc + "/Next", dst: &c.next})
			}
		}
	}
}

// errorEquals parses an ErrorEquals list, enforcing that States.ALL
// appears alone and only in the last retrier or catcher.
func (p *parser) errorEquals(m map[string]any, loc string, last bool) []string {
	v, ok := m["ErrorEquals"]
	if !ok {
		return nil
	}
	list, ok := v.([]any)
	if !ok || len(list) == 0 {
		p.chk.schema(loc+"/ErrorEquals", "ErrorEquals must be a non-empty array of error names")
		return nil
	}
	out := make([]string, 0, len(list))
	for _, e := range list {
		s, ok := e.(string)
		if !ok {
			p.chk.schema(loc+"/ErrorEquals", "Expected value of type: String")
			continue
		}
		out = append(out, s)
	}
	for _, s := range out {
		if s != ErrNameAll {
			continue
		}
		if len(out) > 1 {
			p.chk.schema(loc+"/ErrorEquals", "Error name 'States.ALL' must appear alone in ErrorEquals")
		}
		if !last {
			p.chk.schema(loc+"/ErrorEquals", "A retrier or catcher with 'States.ALL' must be the last one")
		}
	}
	return out
}
