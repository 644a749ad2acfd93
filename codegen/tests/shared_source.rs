//! codegen's copies of errors-runtime's hash, table layout, naming, taxonomy
//! and problem-URL rules are byte-identical to the runtime's: one definition, in two
//! packages that can be published apart.

use std::path::Path;

#[test]
fn the_copies_match_the_runtime() {
    let codegen = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let runtime = Path::new(env!("CARGO_MANIFEST_DIR")).join("../errors-runtime/src");
    for name in ["hash.rs", "layout.rs", "names.rs", "problem_url.rs", "taxonomy.rs"] {
        let ours = std::fs::read_to_string(codegen.join(name)).unwrap();
        let theirs = std::fs::read_to_string(runtime.join(name)).unwrap();
        assert!(
            ours == theirs,
            "codegen/src/{name} differs from errors-runtime/src/{name}: edit the runtime's, then \
             `cp errors-runtime/src/{name} codegen/src/{name}`"
        );
    }
}
