// Command go-yaml-events prints go-yaml v2's tokens or events for many texts (see build.sh).
//
// Protocol: stdin carries frames, each a mode byte ('t' for tokens, 'e' for events), a 4-byte
// big-endian length and that many bytes of text; stdout gets one line per frame, a JSON array of
// tokens or events, the last one {"error": …} when go-yaml fails.
package main

import (
	"bufio"
	"encoding/binary"
	"io"
	"os"

	"goyamlinternals"
)

func main() {
	in := bufio.NewReader(os.Stdin)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for {
		mode, err := in.ReadByte()
		if err == io.EOF {
			return
		}
		var length uint32
		if err != nil || binary.Read(in, binary.BigEndian, &length) != nil {
			os.Exit(2)
		}
		text := make([]byte, length)
		if _, err := io.ReadFull(in, text); err != nil {
			os.Exit(2)
		}
		if mode == 't' {
			out.Write(yaml.Tokens(text))
		} else {
			out.Write(yaml.Events(text))
		}
		out.WriteByte('\n')
	}
}
