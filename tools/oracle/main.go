// Command oracle decodes YAML/JSON streams the way `oc apply -f FILE` does, using go-yaml v2 and
// sigs.k8s.io/yaml themselves, so the validator's reader can be tested against the real thing.
//
// The bytes become text through cli-runtime FileVisitor's own transform (golang.org/x/text, Debian's
// golang-golang-x-text-dev). k8s.io/apimachinery is not packaged in Debian, so the stream splitting
// of its YAMLOrJSONDecoder (pkg/util/yaml/decoder.go) is re-implemented here from its behaviour;
// each step names the Go function it stands for.
//
// Protocol (many inputs per process): stdin carries frames, each a 4-byte big-endian length and
// that many bytes of file content. For each frame, stdout gets one line: a JSON array of
// documents (values as oc sends them, see asSent), {"index":N,"value":V} or {"index":N,"error":{"message":M,"line":L,"column":C}}.
// Documents oc skips as empty are left out; the array ends at the first error, where oc stops.
package main

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	textunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
	kjson "sigs.k8s.io/json"
	sigsyaml "sigs.k8s.io/yaml"
)

// The bytes cli-runtime's StreamVisitor passes to NewYAMLOrJSONDecoder(r, 4096).
const jsonSniffSize = 4096

type position struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

type decodeError struct {
	Message string `json:"message"`
	position
}

type document struct {
	Index int             `json:"index"`
	Value json.RawMessage `json:"value,omitempty"`
	Error *decodeError    `json:"error,omitempty"`
}

// decodeText is FileVisitor's transform itself, unicode.BOMOverride(unicode.UTF8.NewDecoder()):
// a UTF-16 BOM selects UTF-16 (unpaired surrogates and an odd last byte become U+FFFD), a UTF-8
// BOM is dropped and the rest passed on unchecked, and anything else is read as UTF-8 with each
// maximal ill-formed subsequence replaced by U+FFFD.
func decodeText(raw []byte) []byte {
	text, err := io.ReadAll(transform.NewReader(bytes.NewReader(raw), textunicode.BOMOverride(textunicode.UTF8.NewDecoder())))
	if err != nil {
		// Reading from memory, the transformers return no error: this is a bug in the oracle.
		panic(err)
	}
	return text
}

// lineStarts returns the offset of every line's start, counting line breaks as go-yaml does
// (LF, CRLF, CR, NEL, LS, PS), so error lines can be given for the whole file.
func lineStarts(text []byte) []int {
	starts := []int{0}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRune(text[i:])
		next := i + size
		switch r {
		case '\r':
			if next < len(text) && text[next] == '\n' {
				next++
			}
			starts = append(starts, next)
		case '\n', 0x85, 0x2028, 0x2029:
			starts = append(starts, next)
		}
		i = next
	}
	return starts
}

// locator turns byte offsets into 1-based lines and columns (columns in bytes).
type locator []int

func (l locator) at(offset int) position {
	line := 0
	for line+1 < len(l) && l[line+1] <= offset {
		line++
	}
	return position{Line: line + 1, Column: offset - l[line] + 1}
}

// decoder reproduces apimachinery's YAMLOrJSONDecoder over an in-memory text.
type decoder struct {
	text     []byte
	lines    locator
	docs     []document
	decoded  int // successful Decode calls, as the decoder's own count
	calls    int // Decode calls made, the index of the next document
	finished bool
}

func (d *decoder) add(value []byte, start int) {
	// StreamVisitor: bytes.TrimSpace, then skip empty and "null".
	value = bytes.TrimSpace(value)
	if len(value) > 0 && !bytes.Equal(value, []byte("null")) {
		sent, err := asSent(value)
		if err != nil {
			d.fail(err.Error(), d.lines.at(start))
			return
		}
		d.docs = append(d.docs, document{Index: d.calls, Value: sent})
	}
	d.decoded++
	d.calls++
}

// asSent is the JSON oc sends for a document: infoForData decodes it with unstructuredJSONScheme
// (k8s.io/apimachinery/pkg/util/json.Unmarshal: sigs.k8s.io/json, numbers without a '.' that fit
// int64 as int64, others as float64; ill-formed UTF-8 and unpaired \u surrogates in strings as
// U+FFFD), and the request body is that object through encoding/json.
func asSent(value []byte) ([]byte, error) {
	var object interface{}
	if err := kjson.UnmarshalCaseSensitivePreserveInts(value, &object); err != nil {
		return nil, err
	}
	return json.Marshal(object)
}

func (d *decoder) fail(message string, at position) {
	d.docs = append(d.docs, document{Index: d.calls, Error: &decodeError{Message: message, position: at}})
	d.finished = true
}

// run decodes the whole stream: JSON values while they parse (GuessJSONStream: the first
// non-space byte within 4096 is '{'), else YAML documents.
func (d *decoder) run() {
	sniff := d.text
	if len(sniff) > jsonSniffSize {
		sniff = sniff[:jsonSniffSize]
	}
	if !bytes.HasPrefix(bytes.TrimLeftFunc(sniff, unicode.IsSpace), []byte("{")) {
		d.yaml(0)
		return
	}
	dec := json.NewDecoder(bytes.NewReader(d.text))
	consumed := 0
	for !d.finished {
		var raw json.RawMessage
		err := dec.Decode(&raw)
		if err == io.EOF {
			return
		}
		if err == nil {
			start := consumed
			consumed = int(dec.InputOffset())
			d.add(raw, start)
			continue
		}
		jsonErr := err
		at := d.lines.at(consumed)
		var syntax *json.SyntaxError
		if errors.As(err, &syntax) {
			jsonErr = fmt.Errorf("json: offset %d: %s", syntax.Offset, syntax.Error())
			at = d.lines.at(int(syntax.Offset))
		}
		if d.decoded > 1 {
			d.fail(jsonErr.Error(), at)
			return
		}
		// Ambiguous: read the rest as YAML, after the whitespace consumeWhitespace eats.
		start, ok := d.skipWhitespace(consumed)
		if !ok {
			d.fail(jsonErr.Error(), at)
			return
		}
		d.yamlAfterJSON(start, jsonErr, at)
		return
	}
}

// skipWhitespace is consumeWhitespace: Unicode spaces up to and including the first LF; it
// gives up (no YAML decoder) when fewer than 4 bytes are left to peek at or a rune is invalid.
func (d *decoder) skipWhitespace(from int) (int, bool) {
	at := from
	for {
		if len(d.text)-at < 4 {
			return 0, false
		}
		r, size := utf8.DecodeRune(d.text[at : at+4])
		if r == utf8.RuneError {
			return 0, false
		}
		if !unicode.IsSpace(r) {
			return at, true
		}
		at += size
		if r == '\n' {
			return at, true
		}
	}
}

// yamlAfterJSON: the first YAML Decode's failure reports the JSON error instead.
func (d *decoder) yamlAfterJSON(start int, jsonErr error, at position) {
	d.yamlFrom(start, func(string, position) { d.fail(jsonErr.Error(), at) })
}

func (d *decoder) yaml(start int) {
	d.yamlFrom(start, nil)
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

// yamlFrom is YAMLToJSONDecoder over YAMLReader: documents are the lines between lines that start
// with "---"; each goes through sigs.k8s.io/yaml (go-yaml v2, then encoding/json).
func (d *decoder) yamlFrom(start int, firstFailure func(string, position)) {
	reader := lineReader{text: d.text, next: start}
	for first := true; !d.finished; first = false {
		chunk, chunkStart, err := reader.document()
		if err != nil {
			if err == io.EOF {
				return
			}
			d.yamlFailure(first, firstFailure, err.Error(), d.lines.at(reader.lineStart))
			return
		}
		var raw json.RawMessage
		if err := sigsyaml.Unmarshal(chunk, &raw); err != nil {
			at := d.lines.at(chunkStart)
			if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
				n, _ := strconv.Atoi(m[1])
				at = position{Line: at.Line + n - 1, Column: 1}
			}
			d.yamlFailure(first, firstFailure, err.Error(), at)
			return
		}
		d.add(raw, chunkStart)
	}
}

func (d *decoder) yamlFailure(first bool, firstFailure func(string, position), message string, at position) {
	if first && firstFailure != nil {
		firstFailure(message, at)
		return
	}
	d.fail(message, at)
}

// lineReader is YAMLReader over LineReader: bufio.Reader.ReadLine drops "\n" or "\r\n" (a lone
// CR stays in the line) and LineReader puts back "\n".
type lineReader struct {
	text      []byte
	next      int
	lineStart int // offset of the last line read
	atEOF     bool
}

func (r *lineReader) line() ([]byte, bool) {
	r.lineStart = r.next
	if r.next >= len(r.text) {
		return []byte("\n"), false
	}
	rest := r.text[r.next:]
	end := bytes.IndexByte(rest, '\n')
	if end < 0 {
		r.next = len(r.text)
		return append(append([]byte{}, rest...), '\n'), true
	}
	r.next += end + 1
	content := rest[:end]
	if len(content) > 0 && content[len(content)-1] == '\r' {
		content = content[:len(content)-1]
	}
	return append(append([]byte{}, content...), '\n'), true
}

func (r *lineReader) document() ([]byte, int, error) {
	var buffer []byte
	start := r.next
	for {
		line, more := r.line()
		if bytes.HasPrefix(line, []byte("---")) {
			rest := strings.TrimSpace(string(line[3:]))
			if rest != "" && rest[0] != '#' {
				return nil, 0, fmt.Errorf("invalid Yaml document separator: %s", rest)
			}
			if len(buffer) > 0 {
				return buffer, start, nil
			}
			if !more {
				return nil, 0, io.EOF
			}
			start = r.next
			continue
		}
		if !more {
			if len(buffer) > 0 {
				return buffer, start, nil
			}
			return nil, 0, io.EOF
		}
		buffer = append(buffer, line...)
	}
}

func decode(raw []byte) []document {
	text := decodeText(raw)
	d := &decoder{text: text, lines: lineStarts(text)}
	d.run()
	if d.docs == nil {
		return []document{}
	}
	return d.docs
}

func main() {
	in := bufio.NewReaderSize(os.Stdin, 1<<16)
	out := bufio.NewWriterSize(os.Stdout, 1<<16)
	defer out.Flush()
	var header [4]byte
	for {
		if _, err := io.ReadFull(in, header[:]); err != nil {
			if err != io.EOF {
				fmt.Fprintln(os.Stderr, "oracle: truncated frame header:", err)
				os.Exit(2)
			}
			return
		}
		frame := make([]byte, binary.BigEndian.Uint32(header[:]))
		if _, err := io.ReadFull(in, frame); err != nil {
			fmt.Fprintln(os.Stderr, "oracle: truncated frame:", err)
			os.Exit(2)
		}
		line, err := json.Marshal(decode(frame))
		if err != nil {
			fmt.Fprintln(os.Stderr, "oracle:", err)
			os.Exit(2)
		}
		out.Write(line)
		out.WriteByte('\n')
		// Answer each frame at once when no further input is waiting, so a caller can send one at a time.
		if in.Buffered() == 0 {
			out.Flush()
		}
	}
}
