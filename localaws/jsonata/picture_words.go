package jsonata

import (
	"math"
	"regexp"
	"strings"
)

// Numbers in English words, as the reference implementation writes and
// reads them for the w, W and Ww pictures: "one hundred and twenty-three",
// "twenty-first", magnitudes up to trillion ("one thousand trillion").

var (
	fewWords     = [...]string{"Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve", "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen"}
	ordinalWords = [...]string{"Zeroth", "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth", "Eleventh", "Twelfth", "Thirteenth", "Fourteenth", "Fifteenth", "Sixteenth", "Seventeenth", "Eighteenth", "Nineteenth"}
	decadeWords  = [...]string{"Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety", "Hundred"}
	magnitudes   = [...]string{"Thousand", "Million", "Billion", "Trillion"}
)

// numberToWords writes a non-negative integer in title-case words.
func numberToWords(value float64, ordinal bool) string {
	return wordsOf(value, false, ordinal)
}

func wordsOf(num float64, prev, ord bool) string {
	var words string
	and, comma := "", ""
	if prev {
		and, comma = " and ", ", "
	}
	switch {
	case num <= 19:
		if ord {
			return and + ordinalWords[int(num)]
		}
		return and + fewWords[int(num)]
	case num < 100:
		tens, rest := int(num)/10, int(num)%10
		words = and + decadeWords[tens-2]
		if rest > 0 {
			words += "-" + wordsOf(float64(rest), false, ord)
		} else if ord {
			words = words[:len(words)-1] + "ieth"
		}
	case num < 1000:
		hundreds, rest := int(num)/100, math.Mod(num, 100)
		words = comma + fewWords[hundreds] + " Hundred"
		if rest > 0 {
			words += wordsOf(rest, true, ord)
		} else if ord {
			words += "th"
		}
	default:
		mag := int(math.Floor(math.Log10(num) / 3))
		if mag > len(magnitudes) {
			mag = len(magnitudes)
		}
		factor := math.Pow(10, float64(mag*3))
		mant := math.Floor(num / factor)
		rest := num - mant*factor
		words = comma + wordsOf(mant, false, false) + " " + magnitudes[mag-1]
		if rest > 0 {
			words += wordsOf(rest, true, ord)
		} else if ord {
			words += "th"
		}
	}
	return words
}

// wordValue is the value of each word wordsToNumber knows, in the order
// the reference implementation lists them (its regular expression for a
// number in words alternates them in this order).
func wordValues() ([]string, map[string]float64) {
	var order []string
	vals := map[string]float64{}
	add := func(w string, v float64) {
		if _, ok := vals[w]; !ok {
			order = append(order, w)
		}
		vals[w] = v
	}
	for i, w := range fewWords {
		add(strings.ToLower(w), float64(i))
	}
	for i, w := range ordinalWords {
		add(strings.ToLower(w), float64(i))
	}
	for i, w := range decadeWords {
		lw := strings.ToLower(w)
		add(lw, float64((i+2)*10))
		add(lw[:len(lw)-1]+"ieth", float64((i+2)*10))
	}
	add("hundredth", 100)
	for i, w := range magnitudes {
		lw := strings.ToLower(w)
		v := math.Pow(10, float64((i+1)*3))
		add(lw, v)
		add(lw+"th", v)
	}
	return order, vals
}

var wordSplitter = regexp.MustCompile(`,\s|\sand\s|[\s\\-]`)

// wordsToNumber reads a number in lower-case words; an unknown word makes
// it NaN, as in the reference implementation.
func wordsToNumber(text string) float64 {
	_, vals := wordValues()
	segs := []float64{0}
	for _, part := range wordSplitter.Split(text, -1) {
		v, ok := vals[part]
		if !ok {
			v = math.NaN()
		}
		top := segs[len(segs)-1]
		segs = segs[:len(segs)-1]
		if v < 100 {
			if top >= 1000 {
				segs = append(segs, top)
				top = 0
			}
			segs = append(segs, top+v)
		} else {
			segs = append(segs, top*v)
		}
	}
	sum := 0.0
	for _, s := range segs {
		sum += s
	}
	return sum
}
