package orders

import "strings"

// DefaultCurrency is the currency of an order that names none.
const DefaultCurrency = "USD"

// currencies lists the active ISO 4217 codes whose minor unit is two
// decimal places. Currencies with zero (JPY, KRW, ...) or three (BHD, KWD,
// ...) decimals are left out on purpose: PaymentRequest.Amount always has
// exactly two fraction digits, and accepting "100.50" yen would invent
// money. A constant string rather than a map keeps the package free of
// mutable state.
const currencies = "AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD BTN BWP BYN BZD " +
	"CAD CDF CHF CNY COP CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD " +
	"HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK " +
	"MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB " +
	"SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD " +
	"UYU UZS VES WST XCD XCG YER ZAR ZMW ZWG"

// KnownCurrency reports whether code is an uppercase ISO 4217 code this
// service accepts.
func KnownCurrency(code string) bool {
	if len(code) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if code[i] < 'A' || code[i] > 'Z' {
			return false
		}
	}
	// Every three-letter run of the list that is all letters is a whole
	// code, so a substring match cannot straddle two codes.
	return strings.Contains(currencies, code)
}
