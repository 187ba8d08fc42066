package dynamolocal

// maxItemBytes is DynamoDB's item size limit, 400 KB.
const maxItemBytes = 400 * 1024

// itemSize is an item's size as DynamoDB counts it against the 400 KB
// limit: each attribute name's UTF-8 bytes plus its value's size.
func itemSize(it Item) int {
	n := 0
	for name, v := range it {
		n += len(name) + valueSize(v)
	}
	return n
}

// valueSize follows AWS's item size rules: strings and binaries by length,
// numbers at about one byte per two significant digits plus one, BOOL and
// NULL one byte, lists and maps three bytes of overhead plus one byte per
// element and their contents.
func valueSize(v *Value) int {
	switch v.kind {
	case kindS, kindB:
		return len(v.str)
	case kindN:
		return numberSize(v.str)
	case kindBOOL, kindNULL:
		return 1
	case kindM:
		n := 3
		for k, x := range v.m {
			n += len(k) + valueSize(x) + 1
		}
		return n
	case kindL:
		n := 3
		for _, x := range v.l {
			n += valueSize(x) + 1
		}
		return n
	case kindNS:
		n := 0
		for _, s := range v.set {
			n += numberSize(s)
		}
		return n
	default:
		n := 0
		for _, s := range v.set {
			n += len(s)
		}
		return n
	}
}

func numberSize(s string) int {
	digits := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			digits++
		}
	}
	return (digits+1)/2 + 1
}

// checkSize refuses an item over the limit in AWS's words.
func checkSize(it Item, update bool) error {
	if itemSize(it) <= maxItemBytes {
		return nil
	}
	if update {
		return validation("Item size to update has exceeded the maximum allowed size")
	}
	return validation("Item size has exceeded the maximum allowed size")
}
