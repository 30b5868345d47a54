//! Why a draft could not be read, in words that name the file and the problem.
//!
//! The CLI prints these and the app shows them, so each says what is wrong with
//! the file and, where there is one, what the writer can do about it.

/// A draft that could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum VerifyError {
    #[error("{name} is empty: there is no text to check")]
    Empty { name: String },
    #[error("{name} is {size} bytes; drafts of up to {limit} bytes can be checked")]
    TooLarge { name: String, size: u64, limit: u64 },
    #[error(
        "{name} unpacks to more than {limit} bytes, far more than a draft holds; it is not read"
    )]
    Unpacked { name: String, limit: u64 },
    #[error(
        "{name} is {what}, which cannot be checked; save it as Markdown, HTML, plain text, .docx or .odt"
    )]
    Unsupported { name: String, what: String },
    #[error("{name} is damaged: {detail}")]
    Damaged { name: String, detail: String },
    #[error("{name} is protected by a password; save a copy without one to check it")]
    Encrypted { name: String },
}
