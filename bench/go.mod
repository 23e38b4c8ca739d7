module github.com/factcheckdesk/factcheck/bench

go 1.26.8

require github.com/factcheckdesk/factcheck v0.0.0

require github.com/neurosnap/sentences v1.1.2

replace github.com/factcheckdesk/factcheck => ../
