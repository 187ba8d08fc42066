package intrinsic

import (
	"encoding/json"
	"regexp"
	"testing"
)

func TestMathRandomRange(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		random float64
		want   string
	}{
		{"lowest", 0, "1"},
		{"middle", 0.5, "5"},
		{"highest", 0.999999, "9"},
		{"out of contract value is clamped", 1, "9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			env := Env{Random: func() float64 { return tt.random }}
			got, err := Eval("States.MathRandom(1, 10)", nil, nil, env)
			if err != nil {
				t.Fatal(err)
			}
			if got != json.Number(tt.want) {
				t.Errorf("MathRandom(1, 10) with random %v = %v, want %s", tt.random, got, tt.want)
			}
		})
	}
}

func TestMathRandomDefaults(t *testing.T) {
	t.Parallel()
	seen := map[json.Number]bool{}
	for range 200 {
		got, err := Eval("States.MathRandom(-2, 2)", nil, nil, Env{})
		if err != nil {
			t.Fatal(err)
		}
		n := got.(json.Number)
		i, err := n.Int64()
		if err != nil || i < -2 || i >= 2 {
			t.Fatalf("MathRandom(-2, 2) = %v, want an integer in [-2, 2)", got)
		}
		seen[n] = true
	}
	if len(seen) != 4 {
		t.Errorf("200 draws of MathRandom(-2, 2) gave %v, want all of -2..1", seen)
	}
}

func TestMathRandomSeed(t *testing.T) {
	t.Parallel()
	env := Env{Random: func() float64 { t.Error("a seeded MathRandom must not use Env.Random"); return 0 }}
	first, err := Eval("States.MathRandom(0, 1000000, 42)", nil, nil, env)
	if err != nil {
		t.Fatal(err)
	}
	for range 5 {
		again, err := Eval("States.MathRandom(0, 1000000, 41.7)", nil, nil, env)
		if err != nil {
			t.Fatal(err)
		}
		if again != first {
			t.Fatalf("seed 41.7 (rounded to 42) gave %v, seed 42 gave %v", again, first)
		}
	}
	other, err := Eval("States.MathRandom(0, 1000000, 7)", nil, nil, env)
	if err != nil {
		t.Fatal(err)
	}
	if other == first {
		t.Errorf("seeds 7 and 42 both gave %v", other)
	}
}

func TestUUIDDefault(t *testing.T) {
	t.Parallel()
	v4 := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	a, err := Eval("States.UUID()", nil, nil, Env{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Eval("States.UUID()", nil, nil, Env{})
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []any{a, b} {
		if s, ok := u.(string); !ok || !v4.MatchString(s) {
			t.Errorf("UUID() = %v, want a version 4 UUID", u)
		}
	}
	if a == b {
		t.Errorf("two UUID() calls both gave %v", a)
	}
}
