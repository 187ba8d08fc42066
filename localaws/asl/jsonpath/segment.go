package jsonpath

import (
	"fmt"
	"slices"
	"strconv"
)

// segKind is the selector a path segment applies.
type segKind uint8

const (
	segName     segKind = iota // one or more member names
	segIndex                   // one or more array indexes
	segWildcard                // every member or element
	segSlice                   // [start:end:step]
	segFilter                  // [?(expr)]
)

// segment is one step of a path: a selector, applied either to the current
// nodes (child) or to them and all their descendants (recursive descent).
type segment struct {
	kind       segKind
	descendant bool
	names      []string
	indexes    []int
	slice      sliceSpec
	filter     expr
}

// sliceSpec is an array slice; absent bounds default like Python's.
type sliceSpec struct {
	start, end, step int
	hasStart, hasEnd bool
}

func (s *segment) definite() bool {
	if s.descendant {
		return false
	}
	switch s.kind {
	case segName:
		return len(s.names) == 1
	case segIndex:
		return len(s.indexes) == 1
	}
	return false
}

func (s *segment) describe() string {
	switch s.kind {
	case segName:
		return fmt.Sprintf("member %q", s.names[0])
	case segIndex:
		return "index " + strconv.Itoa(s.indexes[0])
	}
	return "match"
}

// apply selects, from every node, what the segment designates.
func (s *segment) apply(nodes []any, root any) []any {
	if s.descendant {
		var all []any
		for _, n := range nodes {
			all = appendDescendants(all, n)
		}
		nodes = all
	}
	var out []any
	for _, n := range nodes {
		out = s.selectFrom(out, n, root)
	}
	return out
}

func (s *segment) selectFrom(out []any, n, root any) []any {
	switch s.kind {
	case segName:
		if m, ok := n.(map[string]any); ok {
			for _, name := range s.names {
				if v, ok := m[name]; ok {
					out = append(out, v)
				}
			}
		}
	case segIndex:
		if a, ok := n.([]any); ok {
			for _, i := range s.indexes {
				if idx, ok := resolveIndex(i, len(a)); ok {
					out = append(out, a[idx])
				}
			}
		}
	case segWildcard:
		switch v := n.(type) {
		case []any:
			out = append(out, v...)
		case map[string]any:
			for _, k := range sortedKeys(v) {
				out = append(out, v[k])
			}
		}
	case segSlice:
		if a, ok := n.([]any); ok {
			out = s.slice.appendTo(out, a)
		}
	case segFilter:
		switch v := n.(type) {
		case []any:
			for _, e := range v {
				if s.filter.test(e, root) {
					out = append(out, e)
				}
			}
		case map[string]any:
			// As in Jayway JsonPath, which Step Functions uses, a filter
			// applied to an object tests the object itself.
			if s.filter.test(v, root) {
				out = append(out, v)
			}
		}
	}
	return out
}

const minInt = -int(^uint(0)>>1) - 1

func (sl sliceSpec) appendTo(out []any, a []any) []any {
	n := len(a)
	step := sl.step
	if step == 0 {
		step = 1
	}
	norm := func(i int) int {
		if i < 0 {
			i += n
		}
		return i
	}
	if step > 0 {
		start, end := 0, n
		if sl.hasStart {
			start = max(norm(sl.start), 0)
		}
		if sl.hasEnd {
			end = min(norm(sl.end), n)
		}
		for i := start; i < end; {
			out = append(out, a[i])
			if step >= end-i {
				break
			}
			i += step
		}
		return out
	}
	start, end := n-1, -1
	if sl.hasStart {
		start = min(norm(sl.start), n-1)
	}
	if sl.hasEnd {
		end = max(norm(sl.end), -1)
	}
	for i := start; i > end; {
		out = append(out, a[i])
		if -step >= i-end || step == minInt {
			break
		}
		i += step
	}
	return out
}

// appendDescendants appends n and every value nested in it, parents first.
func appendDescendants(out []any, n any) []any {
	out = append(out, n)
	switch v := n.(type) {
	case []any:
		for _, e := range v {
			out = appendDescendants(out, e)
		}
	case map[string]any:
		for _, k := range sortedKeys(v) {
			out = appendDescendants(out, v[k])
		}
	}
	return out
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
