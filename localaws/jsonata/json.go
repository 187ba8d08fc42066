package jsonata

import (
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
)

// parseJSON reads one JSON document into an evaluation value, keeping
// the order of object keys and refusing duplicate keys and trailing data.
func parseJSON(text string) (any, error) {
	d := json.NewDecoder(strings.NewReader(text))
	d.UseNumber()
	v, err := readJSON(d)
	if err != nil {
		return nil, err
	}
	if _, err := d.Token(); err != io.EOF {
		return nil, errors.New("unexpected data after the JSON value")
	}
	return v, nil
}

func readJSON(d *json.Decoder) (any, error) {
	t, err := d.Token()
	if err != nil {
		return nil, err
	}
	switch x := t.(type) {
	case json.Delim:
		switch x {
		case '[':
			arr := &array{}
			for d.More() {
				v, err := readJSON(d)
				if err != nil {
					return nil, err
				}
				arr.items = append(arr.items, v)
			}
			_, err := d.Token()
			return arr, err
		case '{':
			o := newObject(4)
			for d.More() {
				kt, err := d.Token()
				if err != nil {
					return nil, err
				}
				k, _ := kt.(string)
				if _, dup := o.vals[k]; dup {
					return nil, errors.New("duplicate key " + k)
				}
				v, err := readJSON(d)
				if err != nil {
					return nil, err
				}
				o.set(k, v)
			}
			_, err := d.Token()
			return o, err
		}
		return nil, errors.New("unexpected delimiter")
	case json.Number:
		return strconv.ParseFloat(string(x), 64)
	case nil:
		return null{}, nil
	}
	return t, nil
}
