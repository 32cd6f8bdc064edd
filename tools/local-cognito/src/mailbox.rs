//! Where the emails (sign-up and reset codes) and SMS messages (MFA codes) that Cognito would
//! send are kept, for the tests to read.

use std::sync::Arc;

use fakecloud_core::delivery::{EmailDispatcher, SmsDispatcher};
use parking_lot::Mutex;
use serde::Serialize;

#[derive(Clone, Default)]
pub struct Mailbox {
    emails: Arc<Mutex<Vec<Email>>>,
    sms: Arc<Mutex<Vec<Sms>>>,
}

#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Email {
    from: String,
    to: Vec<String>,
    subject: String,
    text_body: String,
    html_body: Option<String>,
}

#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Sms {
    phone_number: String,
    message: String,
}

impl Mailbox {
    pub fn emails(&self) -> Vec<Email> {
        self.emails.lock().clone()
    }

    pub fn sms(&self) -> Vec<Sms> {
        self.sms.lock().clone()
    }

    pub fn clear(&self) {
        self.emails.lock().clear();
        self.sms.lock().clear();
    }
}

impl EmailDispatcher for Mailbox {
    fn send_email(
        &self,
        _account_id: &str,
        from: &str,
        to: &str,
        subject: &str,
        body_text: &str,
        body_html: Option<&str>,
    ) {
        self.emails.lock().push(Email {
            from: from.to_string(),
            to: vec![to.to_string()],
            subject: subject.to_string(),
            text_body: body_text.to_string(),
            html_body: body_html.map(str::to_string),
        });
    }
}

impl SmsDispatcher for Mailbox {
    fn send_sms(&self, _account_id: &str, _region: &str, phone_number: &str, message: &str) {
        self.sms.lock().push(Sms {
            phone_number: phone_number.to_string(),
            message: message.to_string(),
        });
    }
}
