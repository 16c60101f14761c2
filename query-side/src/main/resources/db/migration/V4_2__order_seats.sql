-- The seats a ticket order holds, as a JSON array of seat ids; NULL for orders without seats.
ALTER TABLE order_view ADD COLUMN seats TEXT;
