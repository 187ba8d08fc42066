// Package jsonvalue provides the few operations every part of the ASL
// interpreter needs on decoded JSON values (nil, bool, string, json.Number,
// []any, map[string]any, as json.Decoder.UseNumber produces them): reading a
// number, equality by value, and naming a value's type in error messages.
//
// It is not a JSON library: decoding and encoding stay with encoding/json.
package jsonvalue
