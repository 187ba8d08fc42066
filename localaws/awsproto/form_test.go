package awsproto_test

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/localaws/awsproto"
)

func TestReadForm(t *testing.T) {
	t.Parallel()
	req := httptest.NewRequest(http.MethodPost, "/?Action=FromURL&Version=2012-11-05", strings.NewReader("Action=SendMessage&MessageBody=hi+there"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	f, err := awsproto.ReadForm(req, 1024)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{"Action": f.Get("Action"), "Version": f.Get("Version"), "MessageBody": f.Get("MessageBody")}
	want := map[string]string{"Action": "SendMessage", "Version": "2012-11-05", "MessageBody": "hi there"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("form (-want +got):\n%s", diff)
	}

	big := httptest.NewRequest(http.MethodPost, "/", strings.NewReader("Action=x&Body="+strings.Repeat("a", 100)))
	if _, err := awsproto.ReadForm(big, 64); !errors.Is(err, awsproto.ErrBodyTooLarge) {
		t.Errorf("ReadForm of a 110-byte body with limit 64: err = %v, want ErrBodyTooLarge", err)
	}
}

func TestFormAccessors(t *testing.T) {
	t.Parallel()
	v := url.Values{}
	v.Set("AttributeName.2", "b")
	v.Set("AttributeName.1", "a")
	v.Set("AttributeName.x", "ignored")
	v.Set("Tag.1.Key", "team")
	v.Set("Tag.1.Value", "payments")
	v.Set("Tag.2.Key", "env")
	v.Set("Tag.2.Value", "dev")
	v.Set("Entry.3.Id", "third")
	v.Set("Entry.1.Id", "first")
	v.Set("Empty", "")
	v.Set("Delay", "15")
	v.Set("Bad", "soon")
	f := awsproto.NewForm(v)

	if diff := cmp.Diff([]string{"a", "b"}, f.List("AttributeName")); diff != "" {
		t.Errorf("List (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]string{"team": "payments", "env": "dev"}, f.Map("Tag", "Key", "Value")); diff != "" {
		t.Errorf("Map (-want +got):\n%s", diff)
	}
	var ids []string
	for _, e := range f.Entries("Entry", 0) {
		ids = append(ids, e.Get("Id"))
	}
	if diff := cmp.Diff([]string{"first", "third"}, ids); diff != "" {
		t.Errorf("Entries (-want +got):\n%s", diff)
	}
	if n := len(f.Entries("Entry", 1)); n != 1 {
		t.Errorf("Entries with limit 1 gave %d", n)
	}
	if !f.Has("Empty") || f.Ptr("Empty") == nil || f.Ptr("Missing") != nil {
		t.Errorf("Has/Ptr do not tell an empty parameter from a missing one")
	}
	if n, err := f.Int("Delay"); err != nil || n == nil || *n != 15 {
		t.Errorf("Int(Delay) = %v, %v", n, err)
	}
	if _, err := f.Int("Bad"); err == nil {
		t.Errorf("Int(Bad) accepted %q", f.Get("Bad"))
	}
	if key, bad := f.BadIndex("AttributeName", 10); !bad || key != "AttributeName.x" {
		t.Errorf("BadIndex = %q, %v; want AttributeName.x", key, bad)
	}
	if _, bad := f.BadIndex("Tag", 10); bad {
		t.Errorf("BadIndex flagged a well-formed map")
	}
}

func TestFormBoundsHostileIndexes(t *testing.T) {
	t.Parallel()
	v := url.Values{}
	for i := 1; i <= 3*awsproto.MaxFormItems; i++ {
		v.Set(fmt.Sprintf("Item.%d", i), "x")
	}
	v.Set("Item.99999999999999999999", "overflow")
	if n := len(awsproto.NewForm(v).List("Item")); n != awsproto.MaxFormItems {
		t.Errorf("List kept %d items, want at most %d", n, awsproto.MaxFormItems)
	}
}
