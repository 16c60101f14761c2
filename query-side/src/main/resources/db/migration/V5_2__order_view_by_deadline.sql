-- Orders still awaiting payment after their deadline are stuck payments (a metric, issue 11): found by index.
CREATE INDEX order_view_by_status_deadline ON order_view (status, payment_deadline);
