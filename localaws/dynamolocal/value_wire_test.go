package dynamolocal_test

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestHandWrittenAttributeValues posts PutItem bodies an SDK cannot build
// (its AttributeValue is a union), as a hand-written client might: spaced
// and compact values are read alike, and a value with two data types, none,
// or an unknown one is refused with DynamoDB's words whether or not it is
// written compactly.
func TestHandWrittenAttributeValues(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.createTable(t, "wire", "N")
	tests := []struct {
		name     string
		value    string
		wantType string
		wantMsg  string
	}{
		{"compact string", `{"S":"a"}`, "", ""},
		{"spaced string", `{ "S" : "a" }`, "", ""},
		{"compact map", `{"M":{"x":{"N":"1"}}}`, "", ""},
		{"two data types, compact", `{"S":"a","N":"1"}`, "ValidationException",
			"Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes"},
		{"two data types, spaced", `{ "S":"a", "N":"1" }`, "ValidationException",
			"Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes"},
		{"no data type", `{}`, "ValidationException",
			"Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"},
		{"unknown data type", `{"X":"a"}`, "SerializationException", "Unexpected field type"},
		{"string for a number", `{"N":1}`, "SerializationException", "Unexpected value type in payload"},
		{"NULL false", `{"NULL":false}`, "ValidationException",
			"One or more parameter values were invalid: Null attribute value types must have the value of true"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			body := `{"TableName":"wire","Item":{"pk":{"S":"k"},"sk":{"N":"1"},"v":` + tc.value + `}}`
			req, err := http.NewRequest(http.MethodPost, e.url, strings.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Content-Type", "application/x-amz-json-1.0")
			req.Header.Set("X-Amz-Target", "DynamoDB_20120810.PutItem")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			raw, _ := io.ReadAll(resp.Body)
			var got struct {
				Type    string `json:"__type"`
				Message string `json:"message"`
			}
			_ = json.Unmarshal(raw, &got)
			if tc.wantType == "" {
				if resp.StatusCode != http.StatusOK {
					t.Fatalf("status %d: %s", resp.StatusCode, raw)
				}
				return
			}
			if resp.StatusCode != http.StatusBadRequest || !strings.HasSuffix(got.Type, "#"+tc.wantType) || got.Message != tc.wantMsg {
				t.Fatalf("got %d %s, want 400 %s %q", resp.StatusCode, raw, tc.wantType, tc.wantMsg)
			}
		})
	}
}
