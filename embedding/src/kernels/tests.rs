use super::*;

#[test]
fn half_precision_values() {
    assert_eq!(f16_to_f32(0x3c00), 1.0);
    assert_eq!(f16_to_f32(0xc000), -2.0);
    assert_eq!(f16_to_f32(0x3555), 0.333_251_95);
    assert_eq!(f16_to_f32(0x0001), 5.960_464_5e-8);
    assert_eq!(f16_to_f32(0x8001), -5.960_464_5e-8);
}

#[test]
fn quantised_product_is_close_to_the_exact_one() {
    // One row of weights 1..=32 scaled by 0.5 (packed as Q4_0), times a ramp of activations.
    let (rows, cols) = (1, 32);
    let mut block = vec![0x00, 0x38]; // f16 0.5
    block.extend((0..16u8).map(|j| (j % 16) | (((j + 3) % 16) << 4)));
    let w = QMatrix::from_q4(&block, rows, cols);
    let x: Vec<f32> = (0..32).map(|i| i as f32 / 10.0 - 1.0).collect();
    let mut exact = 0.0;
    let mut row = vec![0f32; 32];
    dequantise_row(&block, &mut row);
    for (a, b) in row.iter().zip(&x) {
        exact += a * b;
    }
    let mut y = vec![0f32; 1];
    matmul(&w, &[0.25], &Arc::new(Quantised::new(&x, cols)), &mut y, None);
    // 8-bit activations: within 1% of the exact product.
    assert!((y[0] - (exact + 0.25)).abs() < 0.01 * exact.abs(), "{} against {}", y[0], exact + 0.25);
}

/// A matrix of `rows × cols` random 4-bit weights with scales around 0.01.
fn random_matrix(rows: usize, cols: usize, seed: &mut u32) -> QMatrix {
    let mut blocks = Vec::new();
    for _ in 0..rows * cols / BLOCK {
        let scale = 0x2000 + (next(seed) % 0x400) as u16; // f16 from 0.0078 to 0.0117
        blocks.extend(scale.to_le_bytes());
        blocks.extend((0..PACKED).map(|_| next(seed) as u8));
    }
    QMatrix::from_q4(&blocks, rows, cols)
}

fn next(seed: &mut u32) -> u32 {
    *seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
    *seed >> 8
}

#[test]
fn every_path_gives_the_portable_products() {
    let mut seed = 7;
    // Rows of 8 blocks, and of 12 as the model's (the AVX2 kernel takes 8 blocks' offsets at a
    // time, then the rest one by one).
    for (rows, cols, tokens) in [256, 384].into_iter().flat_map(|cols| [1, 10, 17].map(|tokens| (64, cols, tokens))) {
        let w = random_matrix(rows, cols, &mut seed);
        // One token, a tile's worth less some, and more than a tile (AMX pads to 16 a tile).
        let x: Vec<f32> = (0..tokens * cols).map(|_| (next(&mut seed) % 2001) as f32 / 100.0 - 10.0).collect();
        let x = Quantised::new(&x, cols);
        // Columns 16..48 (as a thread sharing a product computes them), 32 a token.
        let (span, stride) = (16..48, 32);
        let mut expected = vec![0f32; tokens * stride];
        portable_columns(&w, &x, span.clone(), &mut expected, stride);
        let mut paths: Vec<(&str, Vec<f32>)> = Vec::new();
        let mut out = vec![0f32; tokens * stride];
        columns(&w, &x, span.clone(), &mut out, stride);
        paths.push(("the processor's own", out));
        #[cfg(target_arch = "x86_64")]
        #[allow(unsafe_code)]
        {
            if avx512::available() {
                let mut out = vec![0f32; tokens * stride];
                // SAFETY: the processor was just checked to have what `avx512::columns` uses.
                unsafe { avx512::columns(&w, &x, span.clone(), &mut out, stride) };
                paths.push(("AVX-512", out));
            }
            if std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("fma") {
                let mut out = vec![0f32; tokens * stride];
                // SAFETY: the processor was just checked to have AVX2 and FMA.
                unsafe { avx2::columns(&w, &x, span.clone(), &mut out, stride) };
                paths.push(("AVX2", out));
            }
            if let Some(tiles) = w.tiles.as_ref().filter(|_| amx::available()) {
                let mut out = vec![0f32; tokens * stride];
                // SAFETY: the processor was just checked to have what `amx::columns` uses.
                unsafe { amx::columns(tiles, &x, span.clone(), &mut out, stride) };
                paths.push(("AMX", out));
            }
        }
        for (path, out) in paths {
            for (i, (got, want)) in out.iter().zip(&expected).enumerate() {
                // The same integer sums, scaled and added in another order.
                assert!(
                    (got - want).abs() <= 1e-4 * (1.0 + want.abs()),
                    "{path}, {tokens} tokens, [{i}]: {got} against {want}"
                );
            }
        }
    }
}

#[test]
fn activations_are_quantised_alike_with_or_without_avx512() {
    #[cfg(target_arch = "x86_64")]
    if avx512::available() {
        // A block of zeros, and a block whose scale is 2 with halves to round (0.5, 1.5, -2.5).
        let mut x: Vec<f32> = (0..96).map(|i| ((i * 37) % 61) as f32 / 7.0 - 4.0).collect();
        x[32..64].fill(0.0);
        x[64..68].copy_from_slice(&[254.0, 1.0, 3.0, -5.0]);
        let (mut scales, mut values) = (vec![0f32; 3], vec![0i8; 96]);
        quantise(&x, &mut scales, &mut values);
        let (mut wide_scales, mut wide_values) = (vec![0f32; 3], vec![0i8; 96]);
        // SAFETY: the processor was just checked to have what `quantise` uses.
        #[allow(unsafe_code)]
        unsafe {
            avx512::quantise(&x, &mut wide_scales, &mut wide_values)
        };
        assert_eq!(&values[64..68], &[127, 0, 2, -2]);
        assert_eq!((scales, values), (wide_scales, wide_values));
    }
}

#[test]
fn dot_products_of_byte_vectors_are_exact() {
    let d = 384;
    let query: Vec<i8> = (0..d).map(|i| ((i * 53 % 255) as i32 - 127) as i8).collect();
    let mut vectors: Vec<i8> = (0..d * 5).map(|i| ((i * 97 % 255) as i32 - 127) as i8).collect();
    vectors[d..2 * d].fill(127);
    vectors[2 * d..3 * d].copy_from_slice(&query.iter().map(|&q| -q).collect::<Vec<i8>>());
    let mut out = vec![0i32; 5];
    dots(&query, vectors.chunks_exact(d), &mut out);
    let expected: Vec<i32> = vectors
        .chunks_exact(d)
        .map(|v| query.iter().zip(v).map(|(&a, &b)| i32::from(a) * i32::from(b)).sum())
        .collect();
    assert_eq!(out, expected);
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // The AVX2 path too, where the processor would take the AVX-512 one.
        // SAFETY: the processor was just checked to have AVX2.
        #[allow(unsafe_code)]
        unsafe {
            avx2::dots(&query, vectors.chunks_exact(d), &mut out)
        };
        assert_eq!(out, expected);
    }
    assert_eq!(out[2], -query.iter().map(|&q| i32::from(q) * i32::from(q)).sum::<i32>());
}
