module github.com/factcheckdesk/factcheck/bench

go 1.26.8

require github.com/factcheckdesk/factcheck v0.0.0

require github.com/neurosnap/sentences v1.1.2

require golang.org/x/text v0.44.0 // indirect

replace github.com/factcheckdesk/factcheck => ../
