package models

import (
	"context"
	"fmt"
)

// openVerdicts are the verdicts of statements still to be reviewed.
var openVerdicts = []Verdict{Unreviewed, InProgress}

// QueueCount is how many open statements are assigned to the user.
func (s *Store) QueueCount(ctx context.Context, userID uint) (int64, error) {
	var n int64
	err := s.db.WithContext(ctx).Model(&Statement{}).
		Where("assignee_id = ? AND verdict IN ?", userID, openVerdicts).Count(&n).Error
	if err != nil {
		return 0, fmt.Errorf("models: queue count of user %d: %w", userID, err)
	}
	return n, nil
}

// UnreadCount is how many of the user's notifications are unread.
func (s *Store) UnreadCount(ctx context.Context, userID uint) (int64, error) {
	var n int64
	err := s.db.WithContext(ctx).Model(&Notification{}).
		Where("user_id = ? AND read_at IS NULL", userID).Count(&n).Error
	if err != nil {
		return 0, fmt.Errorf("models: unread notifications of user %d: %w", userID, err)
	}
	return n, nil
}
