//! Native messaging framing: each message is a 32-bit length in the machine's
//! byte order, then that many bytes of UTF-8 JSON. The browser speaks it on
//! the host's stdin and stdout; the host and the app speak it on the socket too,
//! so one reader and one writer serve both.

use std::io::{self, Read, Write};

/// What one read from a stream gave.
#[derive(Debug, PartialEq, Eq)]
pub enum Frame {
    Message(Vec<u8>),
    /// The stream ended cleanly before a new message.
    End,
    /// The announced length is over the limit: the message was not read.
    TooLarge(u64),
}

/// Reads one message of at most `max` bytes. A longer one is not read at all
/// (its length says so first), so a hostile length costs no memory.
pub fn read_frame(r: &mut impl Read, max: usize) -> io::Result<Frame> {
    let mut len = [0u8; 4];
    let mut got = 0;
    while got < 4 {
        match r.read(&mut len[got..])? {
            0 if got == 0 => return Ok(Frame::End),
            0 => return Err(io::ErrorKind::UnexpectedEof.into()),
            n => got += n,
        }
    }
    let len = u32::from_ne_bytes(len) as u64;
    if len > max as u64 {
        return Ok(Frame::TooLarge(len));
    }
    let mut body = vec![0u8; len as usize];
    r.read_exact(&mut body)?;
    Ok(Frame::Message(body))
}

/// Writes one message and flushes it.
pub fn write_frame(w: &mut impl Write, body: &[u8]) -> io::Result<()> {
    let len =
        u32::try_from(body.len()).map_err(|_| io::Error::from(io::ErrorKind::InvalidInput))?;
    w.write_all(&len.to_ne_bytes())?;
    w.write_all(body)?;
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_round_trip_and_a_long_length_is_not_read() {
        let mut buf = Vec::new();
        write_frame(&mut buf, b"{\"a\":1}").unwrap();
        write_frame(&mut buf, b"[]").unwrap();
        let mut r = &buf[..];
        assert_eq!(
            read_frame(&mut r, 100).unwrap(),
            Frame::Message(b"{\"a\":1}".to_vec())
        );
        assert_eq!(
            read_frame(&mut r, 100).unwrap(),
            Frame::Message(b"[]".to_vec())
        );
        assert_eq!(read_frame(&mut r, 100).unwrap(), Frame::End);
        let huge = (100u32 * 1024 * 1024).to_ne_bytes();
        assert_eq!(
            read_frame(&mut &huge[..], 1024).unwrap(),
            Frame::TooLarge(100 * 1024 * 1024)
        );
        assert!(
            read_frame(&mut &[1u8, 0][..], 10).is_err(),
            "a cut length is an error"
        );
    }
}
