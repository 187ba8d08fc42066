package dynamolocal

import (
	"math/big"
	"strings"
)

// DynamoDB's number limits: 38 significant digits, magnitudes from 1E-130
// up to (but not including) 1E+126.
const (
	maxDigits   = 38
	maxExponent = 125  // largest exponent of the leading digit
	minExponent = -130 // smallest exponent of the leading digit
)

// decimal is an exact decimal coef × 10^exp with coef free of trailing
// zeros (zero is 0 × 10^0). Arithmetic on it is exact, as in DynamoDB;
// binary floats never enter.
type decimal struct {
	coef *big.Int
	exp  int
}

func errNotNumber() *Error {
	return validation("A value provided cannot be converted into a number")
}

// parseNumber reads a number as DynamoDB accepts it: optional sign, digits
// with an optional point, optional exponent.
func parseNumber(s string) (decimal, error) {
	t := s
	neg := false
	if t != "" && (t[0] == '-' || t[0] == '+') {
		neg = t[0] == '-'
		t = t[1:]
	}
	mant, expPart, hasExp := strings.Cut(strings.ToLower(t), "e")
	intPart, frac, _ := strings.Cut(mant, ".")
	if intPart == "" && frac == "" || !allDigits(intPart) || !allDigits(frac) || strings.Count(mant, ".") > 1 {
		return decimal{}, errNotNumber()
	}
	exp := 0
	if hasExp {
		e := expPart
		eneg := false
		if e != "" && (e[0] == '-' || e[0] == '+') {
			eneg = e[0] == '-'
			e = e[1:]
		}
		if e == "" || !allDigits(e) || len(e) > 6 {
			return decimal{}, errNotNumber()
		}
		for _, c := range e {
			exp = exp*10 + int(c-'0')
		}
		if eneg {
			exp = -exp
		}
	}
	digits := strings.TrimLeft(intPart+frac, "0")
	exp -= len(frac)
	trimmed := strings.TrimRight(digits, "0")
	exp += len(digits) - len(trimmed)
	if trimmed == "" {
		return decimal{coef: new(big.Int)}, nil
	}
	if len(trimmed) > maxDigits {
		return decimal{}, validation("Attempting to store more than 38 significant digits in a Number")
	}
	coef, _ := new(big.Int).SetString(trimmed, 10)
	if neg {
		coef.Neg(coef)
	}
	d := decimal{coef: coef, exp: exp}
	return d, d.checkRange()
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// mustNumber parses a canonical number already validated on the way in.
func mustNumber(s string) decimal {
	d, err := parseNumber(s)
	if err != nil {
		return decimal{coef: new(big.Int)}
	}
	return d
}

func (d decimal) digits() int {
	if d.coef.Sign() == 0 {
		return 0
	}
	return len(new(big.Int).Abs(d.coef).String())
}

// checkRange refuses results DynamoDB cannot store.
func (d decimal) checkRange() error {
	n := d.digits()
	if n == 0 {
		return nil
	}
	if n > maxDigits {
		return validation("Number overflow. Attempting to store a number with magnitude larger than supported range")
	}
	lead := d.exp + n - 1
	if lead > maxExponent {
		return validation("Number overflow. Attempting to store a number with magnitude larger than supported range")
	}
	if lead < minExponent {
		return validation("Number underflow. Attempting to store a number with magnitude smaller than supported range")
	}
	return nil
}

// String renders d in plain notation without superfluous zeros, which is
// how DynamoDB returns numbers ("1.50" comes back as "1.5").
func (d decimal) String() string {
	if d.coef.Sign() == 0 {
		return "0"
	}
	s := new(big.Int).Abs(d.coef).String()
	sign := ""
	if d.coef.Sign() < 0 {
		sign = "-"
	}
	switch {
	case d.exp >= 0:
		return sign + s + strings.Repeat("0", d.exp)
	case -d.exp < len(s):
		cut := len(s) + d.exp
		return sign + s[:cut] + "." + s[cut:]
	default:
		return sign + "0." + strings.Repeat("0", -d.exp-len(s)) + s
	}
}

// align returns both coefficients scaled to the smaller exponent.
func align(a, b decimal) (*big.Int, *big.Int, int) {
	exp := min(a.exp, b.exp)
	ca := new(big.Int).Mul(a.coef, pow10(a.exp-exp))
	cb := new(big.Int).Mul(b.coef, pow10(b.exp-exp))
	return ca, cb, exp
}

func pow10(n int) *big.Int {
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil)
}

func (d decimal) cmp(o decimal) int {
	if sd, so := d.coef.Sign(), o.coef.Sign(); sd != so {
		if sd < so {
			return -1
		}
		return 1
	}
	a, b, _ := align(d, o)
	return a.Cmp(b)
}

// normalize strips the coefficient's trailing zeros.
func normalize(coef *big.Int, exp int) decimal {
	if coef.Sign() == 0 {
		return decimal{coef: coef, exp: 0}
	}
	ten := big.NewInt(10)
	q, r := new(big.Int), new(big.Int)
	for {
		q.QuoRem(coef, ten, r)
		if r.Sign() != 0 {
			return decimal{coef: coef, exp: exp}
		}
		coef = new(big.Int).Set(q)
		exp++
	}
}

func (d decimal) add(o decimal) decimal {
	a, b, exp := align(d, o)
	return normalize(a.Add(a, b), exp)
}

func (d decimal) sub(o decimal) decimal {
	a, b, exp := align(d, o)
	return normalize(a.Sub(a, b), exp)
}

// compareNumbers orders two canonical number strings numerically.
func compareNumbers(a, b string) int {
	if a == b {
		return 0
	}
	if c, ok := compareIntegers(a, b); ok {
		return c
	}
	return mustNumber(a).cmp(mustNumber(b))
}

// compareIntegers orders two canonical integers without parsing them:
// by sign, then length, then digits. It reports false for anything else.
func compareIntegers(a, b string) (int, bool) {
	if strings.ContainsRune(a, '.') || strings.ContainsRune(b, '.') {
		return 0, false
	}
	na, nb := strings.HasPrefix(a, "-"), strings.HasPrefix(b, "-")
	switch {
	case na && !nb:
		return -1, true
	case nb && !na:
		return 1, true
	}
	c := len(a) - len(b)
	if c == 0 {
		c = strings.Compare(a, b)
	}
	if na {
		c = -c
	}
	if c < 0 {
		return -1, true
	}
	if c > 0 {
		return 1, true
	}
	return 0, true
}

func bigInt(n int64) *big.Int { return big.NewInt(n) }
