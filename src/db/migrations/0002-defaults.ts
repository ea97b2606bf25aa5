import { sql, type Kysely } from 'kysely';

// Sensible defaults so a new installation works at once (SPEC C-5, O-4, T-1). Admins edit or deactivate them.
const seed = `
INSERT INTO activity_types (key, name, position) VALUES
  ('call', 'Call', 1), ('meeting', 'Meeting', 2), ('task', 'Task', 3), ('note', 'Note', 4),
  ('email_in', 'Email in', 5), ('email_out', 'Email out', 6), ('sms', 'SMS', 7),
  ('document', 'Document', 8), ('case', 'Case', 9), ('appointment', 'Appointment', 10);

INSERT INTO currencies (code, name, position) VALUES
  ('DKK', 'DKK', 1), ('NOK', 'NOK', 2), ('SEK', 'SEK', 3), ('EUR', 'EUR', 4), ('USD', 'USD', 5);

INSERT INTO regions (name, position) VALUES ('Denmark', 1), ('Norway', 2), ('Sweden', 3);
INSERT INTO departments (name, position) VALUES ('Sales', 1), ('Key accounts', 2), ('Service', 3);
INSERT INTO industries (name, position) VALUES
  ('Manufacturing', 1), ('Retail', 2), ('Construction', 3), ('IT and software', 4),
  ('Transport and logistics', 5), ('Healthcare', 6), ('Public sector', 7), ('Energy', 8),
  ('Food and agriculture', 9), ('Financial services', 10);
INSERT INTO target_groups (name, position) VALUES
  ('Small business', 1), ('Mid-market', 2), ('Enterprise', 3), ('Public', 4);
INSERT INTO interest_types (name, position) VALUES
  ('Products', 1), ('Service agreement', 2), ('Consulting', 3), ('Training', 4), ('Newsletter', 5);
INSERT INTO opportunity_types (name, position) VALUES
  ('New business', 1), ('Existing customer', 2), ('Renewal', 3), ('Upsell', 4);
INSERT INTO sources (name, position) VALUES
  ('Website', 1), ('Referral', 2), ('Trade fair', 3), ('Cold call', 4), ('Campaign', 5), ('Partner', 6);
INSERT INTO loss_reasons (name, position) VALUES
  ('Price', 1), ('Chose a competitor', 2), ('No decision', 3), ('Product did not fit', 4),
  ('Timing', 5), ('No budget', 6);
INSERT INTO win_reasons (name, position) VALUES
  ('Price', 1), ('Product fit', 2), ('Relationship', 3), ('Delivery time', 4), ('Service', 5);
INSERT INTO customer_profiles (name, payment_terms_days, currency, position) VALUES
  ('Standard DK', 30, 'DKK', 1), ('Standard NO', 30, 'NOK', 2), ('Standard SE', 30, 'SEK', 3),
  ('Export EUR', 14, 'EUR', 4);

INSERT INTO sales_processes (name, is_default) VALUES ('Standard', true);
INSERT INTO stages (process_id, name, probability, position)
  SELECT id, stage.name, stage.probability, stage.position
  FROM sales_processes,
       (VALUES ('Prospect', 10, 1), ('Qualified', 25, 2), ('Quote sent', 50, 3), ('Negotiation', 75, 4))
         AS stage (name, probability, position)
  WHERE is_default;

INSERT INTO settings (key, value) VALUES
  ('companyName', '"Trakt"'), ('baseCurrency', '"DKK"'), ('language', '"en"'),
  ('setupDone', 'false'), ('stagnationDays', '30'), ('sellersSeeOnlyOwn', 'false');
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(seed).execute(db);
}
