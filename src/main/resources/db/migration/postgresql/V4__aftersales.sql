-- After-sales cases. open_key is "orderId|type" while the case is open and NULL once rejected: the unique
-- constraint allows one open case per order and type, and NULLs never collide. action_id makes a retried
-- confirmation find the case it already created.
CREATE TABLE after_sale_cases (
  merchant_id VARCHAR(40) NOT NULL,
  case_id VARCHAR(64) NOT NULL,
  order_id VARCHAR(64) NOT NULL,
  buyer_id VARCHAR(64) NOT NULL,
  type VARCHAR(20) NOT NULL,
  status VARCHAR(20) NOT NULL,
  open_key VARCHAR(100),
  action_id VARCHAR(100),
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (merchant_id, case_id),
  CONSTRAINT after_sale_cases_open UNIQUE (merchant_id, open_key),
  CONSTRAINT after_sale_cases_action UNIQUE (merchant_id, buyer_id, action_id)
);
CREATE INDEX after_sale_cases_order ON after_sale_cases (merchant_id, order_id);
CREATE INDEX after_sale_cases_buyer ON after_sale_cases (merchant_id, buyer_id, created_at);
