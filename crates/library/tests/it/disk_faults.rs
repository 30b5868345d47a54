//! Faults around the disk, on a real (small) tmpfs: a full disk and a read-only
//! library folder each give a clear message, lose nothing that was saved, and the
//! library works again once the cause is gone. Mounting needs root or
//! passwordless sudo, which `scripts/setup` needs too.

use super::{open, test_config};
use library::{BulkRecord, BulkSource, Library};
use std::path::Path;
use std::process::Command;

fn root(args: &[&str]) -> bool {
    let direct = unsafe { libc::geteuid() } == 0;
    let mut cmd = if direct {
        Command::new(args[0])
    } else {
        let mut c = Command::new("sudo");
        c.arg("-n").arg(args[0]);
        c
    };
    cmd.args(&args[1..]).status().is_ok_and(|s| s.success())
}

/// A tmpfs of `size` mounted on `dir`, unmounted when dropped.
struct Tmpfs(std::path::PathBuf);

impl Tmpfs {
    fn mount(dir: &Path, size: &str) -> Tmpfs {
        std::fs::create_dir_all(dir).unwrap();
        let options = format!("size={size},mode=0777");
        assert!(
            root(&[
                "mount",
                "-t",
                "tmpfs",
                "-o",
                &options,
                "tmpfs",
                dir.to_str().unwrap()
            ]),
            "mounting a tmpfs needs root or passwordless sudo"
        );
        Tmpfs(dir.to_owned())
    }

    fn remount(&self, options: &str) {
        let options = format!("remount,{options}");
        assert!(root(&["mount", "-o", &options, self.0.to_str().unwrap()]));
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        root(&["umount", "-l", self.0.to_str().unwrap()]);
    }
}

fn records(from: usize, n: usize) -> impl Iterator<Item = (u64, Result<BulkRecord, String>)> {
    (from..from + n).map(|i| {
        let record = BulkRecord {
            source: Some(BulkSource {
                title: format!("Filler {}", i / 100),
                url: Some(format!("https://example.org/filler/{}", i / 100)),
                ..BulkSource::default()
            }),
            quote: format!("clip{i} {}", "filler text of some length ".repeat(40)),
            ..BulkRecord::default()
        };
        (i as u64 + 1, Ok(record))
    })
}

#[test]
fn a_full_disk_is_a_clear_error_that_loses_nothing_saved_and_passes() {
    let tmp = tempfile::tempdir().unwrap();
    let disk = Tmpfs::mount(&tmp.path().join("disk"), "6m");
    let dir = tmp.path().join("disk/library");
    let mut saved = 0;
    let err = {
        let lib = open(&dir);
        let result = lib.import_clips(records(0, 20_000), 200, |p| saved = p.saved);
        match result {
            Ok(report) => panic!("6 MB cannot hold 20,000 clips: {report:?}"),
            Err(e) => e,
        }
    };
    let message = err.to_string().to_lowercase();
    assert!(
        message.contains("full") || message.contains("no space"),
        "the message says the disk is full: {err}"
    );
    assert_eq!(
        err.code(),
        library::ErrorCode::DiskFull,
        "a full disk is told by its OS error code, for the front end to say so"
    );
    assert!(saved > 0, "some batches were saved before the disk filled");
    // Room again: everything reported saved is there, and the library goes on.
    disk.remount("size=256m");
    let lib = Library::open(&dir, test_config()).unwrap();
    let health = lib.health().unwrap();
    assert!(health.is_ok(), "{health:?}");
    assert!(health.clips as usize >= saved as usize);
    lib.import_clips(records(50_000, 400), 200, |_| {}).unwrap();
    assert!(lib.health().unwrap().is_ok());
}

#[test]
fn a_read_only_library_folder_is_a_clear_error_and_opens_again_when_writable() {
    let tmp = tempfile::tempdir().unwrap();
    let disk = Tmpfs::mount(&tmp.path().join("disk"), "64m");
    let dir = tmp.path().join("disk/library");
    {
        let lib = open(&dir);
        lib.import_clips(records(0, 300), 100, |_| {}).unwrap();
    }
    disk.remount("ro");
    let err = match Library::open(&dir, test_config()) {
        Err(e) => e,
        Ok(_) => panic!("a read-only folder cannot hold an open library"),
    };
    assert!(
        err.to_string().contains("read-only"),
        "the message says the folder is read-only: {err}"
    );
    assert_eq!(err.code(), library::ErrorCode::ReadOnly);
    disk.remount("rw");
    let lib = Library::open(&dir, test_config()).unwrap();
    assert_eq!(lib.health().unwrap().clips, 300);
    assert!(lib.health().unwrap().is_ok());
}

#[test]
fn a_missing_library_folder_is_reported_and_never_recreated_empty() {
    let tmp = tempfile::tempdir().unwrap();
    let registry = tmp.path().join("registry");
    let config = || library::Config {
        registry: Some(registry.clone()),
        ..test_config()
    };
    let dir = tmp.path().join("drive/library");
    {
        let lib = Library::open(&dir, config()).unwrap();
        super::add_article(&lib);
    }
    // The drive is disconnected.
    std::fs::rename(tmp.path().join("drive"), tmp.path().join("elsewhere")).unwrap();
    let err = match Library::open(&dir, config()) {
        Err(e) => e,
        Ok(_) => panic!("a missing library must not be recreated"),
    };
    assert!(err.to_string().contains("is missing"), "{err}");
    assert!(!dir.exists(), "nothing was created in its place");
    // Reconnected, it opens with everything in it.
    std::fs::rename(tmp.path().join("elsewhere"), tmp.path().join("drive")).unwrap();
    let lib = Library::open(&dir, config()).unwrap();
    assert_eq!(lib.sources().unwrap().len(), 1);
    // A folder never opened before is created, as on a first start.
    let fresh = tmp.path().join("new/library");
    drop(Library::open(&fresh, config()).unwrap());
    assert!(fresh.join("library.sqlite").exists());
}
