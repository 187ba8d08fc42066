package sqslocal

import (
	"encoding/base64"
	"encoding/xml"
	"sort"
)

// The query protocol flattens maps into repeated elements named after the
// field, each holding a key and a value element. These types render maps
// that way in XML and as plain objects in JSON.

// attrMap is a string map rendered as <Attribute><Name/><Value/></Attribute>.
type attrMap map[string]string

// MarshalXML implements xml.Marshaler.
func (m attrMap) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	for _, k := range sortedKeys(m) {
		entry := struct {
			Name  string `xml:"Name"`
			Value string `xml:"Value"`
		}{k, m[k]}
		if err := e.EncodeElement(entry, start); err != nil {
			return err
		}
	}
	return nil
}

// tagMap is a string map rendered as <Tag><Key/><Value/></Tag>.
type tagMap map[string]string

// MarshalXML implements xml.Marshaler.
func (m tagMap) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	for _, k := range sortedKeys(m) {
		entry := struct {
			Key   string `xml:"Key"`
			Value string `xml:"Value"`
		}{k, m[k]}
		if err := e.EncodeElement(entry, start); err != nil {
			return err
		}
	}
	return nil
}

// messageAttrMap renders message attributes as
// <MessageAttribute><Name/><Value><StringValue/>|<BinaryValue/><DataType/></Value></MessageAttribute>.
type messageAttrMap map[string]MessageAttribute

// MarshalXML implements xml.Marshaler.
func (m messageAttrMap) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	type value struct {
		StringValue string `xml:"StringValue,omitempty"`
		BinaryValue string `xml:"BinaryValue,omitempty"`
		DataType    string `xml:"DataType"`
	}
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		a := m[k]
		v := value{StringValue: a.StringValue, DataType: a.DataType}
		if len(a.BinaryValue) > 0 {
			v.BinaryValue = base64.StdEncoding.EncodeToString(a.BinaryValue)
		}
		entry := struct {
			Name  string `xml:"Name"`
			Value value  `xml:"Value"`
		}{k, v}
		if err := e.EncodeElement(entry, start); err != nil {
			return err
		}
	}
	return nil
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
