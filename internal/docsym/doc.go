// Package docsym reads, checks and writes the numbers and symbols (số và ký
// hiệu) of Party and State documents, finds the documents cited in running
// text, and says which numbering sequence a new document takes its number
// from.
//
// Two systems write symbols differently:
//
//	Party (Hướng dẫn 36-HD/VPTW):  147-KH/TU   01-HD/BTGTU   13-NQ/TW
//	State (Nghị định 30/2020/NĐ-CP, Luật Ban hành VBQPPL):
//	                               123/QĐ-UBND   12/2021/NQ-HĐND   7328/UBND-TH   61/2014/QH13
//
// The separator after the number tells the system: "-" is Party, "/" is State.
// One table of document kinds (kind.go) serves the parser, the formatter, the
// citation finder and the command line.
package docsym
