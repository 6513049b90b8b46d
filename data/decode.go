package data

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"
)

// decodeEntry reads one [[status]] table of statuses.toml. It walks
// go-toml's parse tree and sets each field by name, where toml.Unmarshal
// would find every field by reflection: a tenth of the time, which is
// most of what `httpstatus 4xx` does. It reads the forms statuses.toml
// uses (tables, arrays of tables, strings, integers, booleans and arrays of
// them) and rejects anything else; TestLazyCatalogMatchesStrictParse holds
// its result equal to toml.Unmarshal's for every entry.
func decodeEntry(b []byte) (Status, error) {
	var s Status
	var p unstable.Parser
	p.Reset(b)
	set := s.set // the table key = value lines belong to
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.KeyValue:
			k := e.Key()
			if !k.Next() || !k.IsLast() {
				return s, fmt.Errorf("dotted key %s", p.Raw(e.Raw))
			}
			name := string(k.Node().Data)
			if err := set(name, e.Value()); err != nil {
				return s, fmt.Errorf("%s: %w", name, err)
			}
		case unstable.Table, unstable.ArrayTable:
			var path []string
			for k := e.Key(); k.Next(); {
				path = append(path, string(k.Node().Data))
			}
			var err error
			if set, err = s.tableSetter(path, e.Kind == unstable.ArrayTable); err != nil {
				return s, err
			}
		}
	}
	return s, p.Error()
}

// tableSetter starts the table a header names and returns what sets its
// keys.
func (s *Status) tableSetter(path []string, array bool) (func(string, *unstable.Node) error, error) {
	key := strings.Join(path, ".")
	switch {
	case array && key == "status":
		return s.set, nil
	case array && key == "status.references":
		s.References = append(s.References, Reference{})
		return s.References[len(s.References)-1].set, nil
	case array && key == "status.subcodes":
		s.SubCodes = append(s.SubCodes, SubCode{})
		return s.SubCodes[len(s.SubCodes)-1].set, nil
	case array && key == "status.rules":
		s.Rules = append(s.Rules, Rule{})
		return s.Rules[len(s.Rules)-1].set, nil
	case !array && key == "status.deprecation":
		s.Deprecation = &Notice{}
		return s.Deprecation.set, nil
	case !array && key == "status.constants":
		if s.Constants == nil {
			s.Constants = map[string]string{}
		}
		return func(name string, v *unstable.Node) error {
			var err error
			s.Constants[name], err = str(v)
			return err
		}, nil
	case !array && len(path) == 3 && path[0] == "status" && path[1] == "constant_notes":
		if s.ConstantNotes == nil {
			s.ConstantNotes = map[string]ConstantNote{}
		}
		lang := path[2]
		s.ConstantNotes[lang] = ConstantNote{}
		return func(name string, v *unstable.Node) error {
			n := s.ConstantNotes[lang]
			err := n.set(name, v)
			s.ConstantNotes[lang] = n
			return err
		}, nil
	}
	return nil, fmt.Errorf("unexpected table %v", path)
}

func (s *Status) set(name string, v *unstable.Node) error {
	switch name {
	case "code":
		return setInt(&s.Code, v)
	case "phrase":
		return setString(&s.Phrase, v)
	case "category":
		c, err := str(v)
		s.Category = Category(c)
		return err
	case "official":
		return setBool(&s.Official, v)
	case "source":
		return setString(&s.Source, v)
	case "deprecated":
		return setBool(&s.Deprecated, v)
	case "temporary":
		return setBool(&s.Temporary, v)
	case "folklore":
		return setBool(&s.Folklore, v)
	case "checked":
		return setString(&s.Checked, v)
	case "aliases":
		return setStrings(&s.Aliases, v)
	case "keywords":
		return setStrings(&s.Keywords, v)
	case "summary":
		return setString(&s.Summary, v)
	case "description":
		return setString(&s.Description, v)
	case "headers":
		return setStrings(&s.Headers, v)
	case "related":
		return setInts(&s.Related, v)
	case "cacheable":
		return setBool(&s.Cacheable, v)
	case "example":
		return setString(&s.Example, v)
	}
	return errUnknownKey
}

func (r *Reference) set(name string, v *unstable.Node) error {
	switch name {
	case "title":
		return setString(&r.Title, v)
	case "url":
		return setString(&r.URL, v)
	}
	return errUnknownKey
}

func (c *SubCode) set(name string, v *unstable.Node) error {
	switch name {
	case "code":
		return setString(&c.Code, v)
	case "phrase":
		return setString(&c.Phrase, v)
	case "source":
		return setString(&c.Source, v)
	case "summary":
		return setString(&c.Summary, v)
	case "keywords":
		return setStrings(&c.Keywords, v)
	case "url":
		return setString(&c.URL, v)
	case "checked":
		return setString(&c.Checked, v)
	}
	return errUnknownKey
}

func (r *Rule) set(name string, v *unstable.Node) error {
	switch name {
	case "header":
		return setString(&r.Header, v)
	case "expect":
		return setString(&r.Expect, v)
	case "unless":
		return setString(&r.Unless, v)
	case "level":
		return setString(&r.Level, v)
	case "reference":
		return setString(&r.Reference, v)
	case "message":
		return setString(&r.Message, v)
	}
	return errUnknownKey
}

func (n *Notice) set(name string, v *unstable.Node) error {
	switch name {
	case "level":
		return setString(&n.Level, v)
	case "reference":
		return setString(&n.Reference, v)
	case "message":
		return setString(&n.Message, v)
	}
	return errUnknownKey
}

func (n *ConstantNote) set(name string, v *unstable.Node) error {
	switch name {
	case "since":
		return setString(&n.Since, v)
	case "before":
		return setString(&n.Before, v)
	}
	return errUnknownKey
}

var errUnknownKey = errors.New("not a field of the data model")

func str(v *unstable.Node) (string, error) {
	if v.Kind != unstable.String {
		return "", fmt.Errorf("%s, want a string", v.Kind)
	}
	return string(v.Data), nil
}

func setString(dst *string, v *unstable.Node) error {
	var err error
	*dst, err = str(v)
	return err
}

func setBool(dst *bool, v *unstable.Node) error {
	if v.Kind != unstable.Bool {
		return fmt.Errorf("%s, want a boolean", v.Kind)
	}
	*dst = string(v.Data) == "true"
	return nil
}

func setInt(dst *int, v *unstable.Node) error {
	if v.Kind != unstable.Integer {
		return fmt.Errorf("%s, want an integer", v.Kind)
	}
	n, err := strconv.Atoi(string(v.Data))
	*dst = n
	return err
}

func setStrings(dst *[]string, v *unstable.Node) error {
	if v.Kind != unstable.Array {
		return fmt.Errorf("%s, want an array", v.Kind)
	}
	out := []string{}
	for it := v.Children(); it.Next(); {
		s, err := str(it.Node())
		if err != nil {
			return err
		}
		out = append(out, s)
	}
	*dst = out
	return nil
}

func setInts(dst *[]int, v *unstable.Node) error {
	if v.Kind != unstable.Array {
		return fmt.Errorf("%s, want an array", v.Kind)
	}
	out := []int{}
	for it := v.Children(); it.Next(); {
		var n int
		if err := setInt(&n, it.Node()); err != nil {
			return err
		}
		out = append(out, n)
	}
	*dst = out
	return nil
}
