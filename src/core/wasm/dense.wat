;; The core's dense products on WebAssembly SIMD, two float64 lanes at a time, and the ReLU passes
;; that finish them. Edit this file, then run `npm run build:wasm`: scripts/build-wasm.mjs
;; assembles it into dense-wasm.ts (a test checks the two agree).
;;
;; All offsets and strides are in bytes; all data is float64. Every sum starts at +0 and adds its
;; terms in k order, multiplying and then adding (never fused), so each lane computes exactly what
;; the scalar loop `s += l * r` computes: the JavaScript kernels give the same bits.
(module
  (memory (export "memory") 1)

  ;; One tile of out: out[r·os + 8j] = Σ_k L(k, r)·R(k, j) for r < rows, j < cols (more than 4: 4),
  ;; where L(k, r) = p[k·lk + r·lr] and R(k, j) = q[k·rk + 8j] (four values side by side).
  ;; Held in eight f64x2 sums (rows 0–3 × column pairs 01 and 23). Why 4 × 4: per k it loads one
  ;; right row (two vectors) and splats four left values, then issues 8 multiplies and 8 adds,
  ;; enough to keep the multiply and add units busy; 4 × 6, 6 × 4, 4 × 8 and a 4 × 4 unrolled
  ;; twice measured 12–16 GFLOP/s against 4 × 4's 22–23 (Zen 5, node 20: V8 spills their sums).
  ;; An edge tile computes all sixteen sums from whatever lies past the edge and stores only its own.
  (func $tile (param $p i32) (param $lk i32) (param $lr i32) (param $q i32) (param $rk i32) (param $K i32)
              (param $out i32) (param $os i32) (param $rows i32) (param $cols i32)
    (local $p1 i32) (local $p2 i32) (local $p3 i32)
    (local $s00 v128) (local $s01 v128) (local $s10 v128) (local $s11 v128)
    (local $s20 v128) (local $s21 v128) (local $s30 v128) (local $s31 v128)
    (local $v0 v128) (local $v1 v128) (local $x v128)
    (local.set $p1 (i32.add (local.get $p) (local.get $lr)))
    (local.set $p2 (i32.add (local.get $p1) (local.get $lr)))
    (local.set $p3 (i32.add (local.get $p2) (local.get $lr)))
    (if (local.get $K)
      (then
        (loop $k
          (local.set $v0 (v128.load (local.get $q)))
          (local.set $v1 (v128.load offset=16 (local.get $q)))
          (local.set $x (v128.load64_splat (local.get $p)))
          (local.set $s00 (f64x2.add (local.get $s00) (f64x2.mul (local.get $x) (local.get $v0))))
          (local.set $s01 (f64x2.add (local.get $s01) (f64x2.mul (local.get $x) (local.get $v1))))
          (local.set $x (v128.load64_splat (local.get $p1)))
          (local.set $s10 (f64x2.add (local.get $s10) (f64x2.mul (local.get $x) (local.get $v0))))
          (local.set $s11 (f64x2.add (local.get $s11) (f64x2.mul (local.get $x) (local.get $v1))))
          (local.set $x (v128.load64_splat (local.get $p2)))
          (local.set $s20 (f64x2.add (local.get $s20) (f64x2.mul (local.get $x) (local.get $v0))))
          (local.set $s21 (f64x2.add (local.get $s21) (f64x2.mul (local.get $x) (local.get $v1))))
          (local.set $x (v128.load64_splat (local.get $p3)))
          (local.set $s30 (f64x2.add (local.get $s30) (f64x2.mul (local.get $x) (local.get $v0))))
          (local.set $s31 (f64x2.add (local.get $s31) (f64x2.mul (local.get $x) (local.get $v1))))
          (local.set $p (i32.add (local.get $p) (local.get $lk)))
          (local.set $p1 (i32.add (local.get $p1) (local.get $lk)))
          (local.set $p2 (i32.add (local.get $p2) (local.get $lk)))
          (local.set $p3 (i32.add (local.get $p3) (local.get $lk)))
          (local.set $q (i32.add (local.get $q) (local.get $rk)))
          (br_if $k (local.tee $K (i32.sub (local.get $K) (i32.const 1)))))))
    (block $stored
      (call $store (local.get $out) (local.get $s00) (local.get $s01) (local.get $cols))
      (br_if $stored (i32.lt_u (local.get $rows) (i32.const 2)))
      (local.set $out (i32.add (local.get $out) (local.get $os)))
      (call $store (local.get $out) (local.get $s10) (local.get $s11) (local.get $cols))
      (br_if $stored (i32.lt_u (local.get $rows) (i32.const 3)))
      (local.set $out (i32.add (local.get $out) (local.get $os)))
      (call $store (local.get $out) (local.get $s20) (local.get $s21) (local.get $cols))
      (br_if $stored (i32.lt_u (local.get $rows) (i32.const 4)))
      (local.set $out (i32.add (local.get $out) (local.get $os)))
      (call $store (local.get $out) (local.get $s30) (local.get $s31) (local.get $cols))))

  ;; The first `cols` (1–4; more means 4) of a tile row's sums a (columns 0, 1) and b (2, 3) to out.
  (func $store (param $out i32) (param $a v128) (param $b v128) (param $cols i32)
    (if (i32.ge_u (local.get $cols) (i32.const 4))
      (then
        (v128.store (local.get $out) (local.get $a))
        (v128.store offset=16 (local.get $out) (local.get $b))
        (return)))
    (if (i32.eq (local.get $cols) (i32.const 1))
      (then
        (v128.store64_lane 0 (local.get $out) (local.get $a))
        (return)))
    (v128.store (local.get $out) (local.get $a))
    (if (i32.eq (local.get $cols) (i32.const 3))
      (then (v128.store64_lane offset=16 0 (local.get $out) (local.get $b)))))

  ;; out (rows × cols, both ≥ 1, row stride os) = Σ_k L(k, ·)·R(k, ·), tile by tile: the tile at
  ;; rows 4i…, columns 4c… reads L from L + i·lc and R from R + (c/4)·rc. Column blocks outside,
  ;; row blocks inside: one block of R columns stays in L1 while the rows of L stream past it.
  (func (export "gemm") (param $L i32) (param $lk i32) (param $lr i32) (param $lc i32) (param $R i32) (param $rk i32) (param $rc i32) (param $K i32)
        (param $out i32) (param $os i32) (param $rows i32) (param $cols i32)
    (local $c i32) (local $i i32) (local $p i32) (local $o i32)
    (loop $columns
      (local.set $p (local.get $L))
      (local.set $o (i32.add (local.get $out) (i32.shl (local.get $c) (i32.const 3))))
      (local.set $i (i32.const 0))
      (loop $rows_
        (call $tile (local.get $p) (local.get $lk) (local.get $lr) (local.get $R) (local.get $rk) (local.get $K)
                    (local.get $o) (local.get $os) (i32.sub (local.get $rows) (local.get $i)) (i32.sub (local.get $cols) (local.get $c)))
        (local.set $p (i32.add (local.get $p) (local.get $lc)))
        (local.set $o (i32.add (local.get $o) (i32.shl (local.get $os) (i32.const 2))))
        (br_if $rows_ (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 4))) (local.get $rows))))
      (local.set $R (i32.add (local.get $R) (local.get $rc)))
      (br_if $columns (i32.lt_u (local.tee $c (i32.add (local.get $c) (i32.const 4))) (local.get $cols)))))

  ;; dst[8j] = Σ_b src[b·ss + 8j] for j < cols, b < rows (≥ 1), in b order: the bias gradient,
  ;; two columns at a time.
  (func (export "columnSums") (param $src i32) (param $ss i32) (param $rows i32) (param $cols i32) (param $dst i32)
    (local $j i32) (local $b i32) (local $at i32) (local $sum v128) (local $one f64)
    (block $pairs_done
      (br_if $pairs_done (i32.lt_u (local.get $cols) (i32.const 2)))
      (loop $each_pair
        (local.set $sum (v128.const f64x2 0 0))
        (local.set $at (i32.add (local.get $src) (i32.shl (local.get $j) (i32.const 3))))
        (local.set $b (local.get $rows))
        (loop $each_row
          (local.set $sum (f64x2.add (local.get $sum) (v128.load (local.get $at))))
          (local.set $at (i32.add (local.get $at) (local.get $ss)))
          (br_if $each_row (local.tee $b (i32.sub (local.get $b) (i32.const 1)))))
        (v128.store (i32.add (local.get $dst) (i32.shl (local.get $j) (i32.const 3))) (local.get $sum))
        (br_if $each_pair (i32.le_u (local.tee $j (i32.add (local.get $j) (i32.const 2))) (i32.sub (local.get $cols) (i32.const 2))))))
    (if (i32.and (local.get $cols) (i32.const 1))
      (then
        (local.set $at (i32.add (local.get $src) (i32.shl (local.get $j) (i32.const 3))))
        (local.set $b (local.get $rows))
        (loop $each_row
          (local.set $one (f64.add (local.get $one) (f64.load (local.get $at))))
          (local.set $at (i32.add (local.get $at) (local.get $ss)))
          (br_if $each_row (local.tee $b (i32.sub (local.get $b) (i32.const 1)))))
        (f64.store (i32.add (local.get $dst) (i32.shl (local.get $j) (i32.const 3))) (local.get $one)))))

  ;; Panels of 4 rows of a count × width matrix at src: dst[c·32·width + 32k + 8j] = row 4c+j,
  ;; entry k; the rows that pad the last panel are zeros. (The forward pass's weights, so that
  ;; gemm reads the four outputs of a tile side by side.)
  (func (export "panels") (param $src i32) (param $width i32) (param $count i32) (param $dst i32)
    (local $row i32) (local $rows i32) (local $to i32) (local $end i32)
    (local.set $rows (i32.and (i32.add (local.get $count) (i32.const 3)) (i32.const -4)))
    (loop $each_row
      (local.set $to (i32.add (local.get $dst)
        (i32.add (i32.shl (i32.mul (i32.shr_u (local.get $row) (i32.const 2)) (local.get $width)) (i32.const 5))
                 (i32.shl (i32.and (local.get $row) (i32.const 3)) (i32.const 3)))))
      (local.set $end (i32.add (local.get $to) (i32.shl (local.get $width) (i32.const 5))))
      (if (i32.lt_u (local.get $row) (local.get $count))
        (then
          (loop $copy
            (f64.store (local.get $to) (f64.load (local.get $src)))
            (local.set $src (i32.add (local.get $src) (i32.const 8)))
            (br_if $copy (i32.lt_u (local.tee $to (i32.add (local.get $to) (i32.const 32))) (local.get $end)))))
        (else
          (loop $zero
            (f64.store (local.get $to) (f64.const 0))
            (br_if $zero (i32.lt_u (local.tee $to (i32.add (local.get $to) (i32.const 32))) (local.get $end))))))
      (br_if $each_row (i32.lt_u (local.tee $row (i32.add (local.get $row) (i32.const 1))) (local.get $rows)))))

;; Panels of 4 columns of a rows × cols matrix at src (row stride ss): dst[c·32·rows + 32r + 8j]
  ;; = row r, column 4c+j. The last panel's lanes past cols hold whatever follows the row (the
  ;; tiles compute them and never store them). Operands read down their columns (W for the input
  ;; gradient; A and D for the weight gradient) then stream from contiguous memory: the input and
  ;; weight gradients of 64–128-row batches through 128–256-wide layers ran at 19–20 GFLOP/s so,
  ;; 9–15 reading four values from each row in place (rows 1–2 KiB apart).
  (func (export "columnPanels") (param $src i32) (param $ss i32) (param $rows i32) (param $cols i32) (param $dst i32)
    (local $c i32) (local $r i32) (local $from i32)
    (loop $each_panel
      (local.set $from (i32.add (local.get $src) (i32.shl (local.get $c) (i32.const 3))))
      (local.set $r (local.get $rows))
      (loop $each_row
        (v128.store (local.get $dst) (v128.load (local.get $from)))
        (v128.store offset=16 (local.get $dst) (v128.load offset=16 (local.get $from)))
        (local.set $from (i32.add (local.get $from) (local.get $ss)))
        (local.set $dst (i32.add (local.get $dst) (i32.const 32)))
        (br_if $each_row (local.tee $r (i32.sub (local.get $r) (i32.const 1)))))
      (br_if $each_panel (i32.lt_u (local.tee $c (i32.add (local.get $c) (i32.const 4))) (local.get $cols)))))

  ;; The forward pass's last touch of a ReLU layer: z = S[b·ss + 8o] + bias[o], Z[b][o] = z,
  ;; A[b][o] = z > 0 ? z : 0 (pmax(0, z) is exactly that, −0 and NaN included), without branches.
  (func (export "reluForward") (param $S i32) (param $ss i32) (param $bias i32) (param $Z i32) (param $A i32) (param $rows i32) (param $m i32)
    (local $b i32) (local $o i32) (local $s i32) (local $z v128) (local $zs f64) (local $pairs i32)
    (local.set $pairs (i32.and (local.get $m) (i32.const -2)))
    (loop $each_row
      (local.set $s (local.get $S))
      (local.set $o (i32.const 0))
      (block $row_done
        (br_if $row_done (i32.eqz (local.get $pairs)))
        (loop $each_pair
          (local.set $z (f64x2.add (v128.load (local.get $s)) (v128.load (i32.add (local.get $bias) (i32.shl (local.get $o) (i32.const 3))))))
          (v128.store (local.get $Z) (local.get $z))
          (v128.store (local.get $A) (f64x2.pmax (v128.const f64x2 0 0) (local.get $z)))
          (local.set $s (i32.add (local.get $s) (i32.const 16)))
          (local.set $Z (i32.add (local.get $Z) (i32.const 16)))
          (local.set $A (i32.add (local.get $A) (i32.const 16)))
          (br_if $each_pair (i32.lt_u (local.tee $o (i32.add (local.get $o) (i32.const 2))) (local.get $pairs)))))
      (if (i32.and (local.get $m) (i32.const 1))
        (then
          (local.set $zs (f64.add (f64.load (local.get $s)) (f64.load (i32.add (local.get $bias) (i32.shl (local.get $o) (i32.const 3))))))
          (f64.store (local.get $Z) (local.get $zs))
          (f64.store (local.get $A) (select (local.get $zs) (f64.const 0) (f64.gt (local.get $zs) (f64.const 0))))
          (local.set $Z (i32.add (local.get $Z) (i32.const 8)))
          (local.set $A (i32.add (local.get $A) (i32.const 8)))))
      (local.set $S (i32.add (local.get $S) (local.get $ss)))
      (br_if $each_row (i32.lt_u (local.tee $b (i32.add (local.get $b) (i32.const 1))) (local.get $rows)))))

  ;; The backward pass's last touch of the gradient into a ReLU layer: D[b][i] = Z[b][i] > 0 ?
  ;; S[b·ss + 8i] : 0, as a mask (the lanes where Z > 0) and-ed with the sums.
  (func (export "reluBackward") (param $S i32) (param $ss i32) (param $Z i32) (param $D i32) (param $rows i32) (param $n i32)
    (local $b i32) (local $i i32) (local $s i32) (local $pairs i32)
    (local.set $pairs (i32.and (local.get $n) (i32.const -2)))
    (loop $each_row
      (local.set $s (local.get $S))
      (local.set $i (i32.const 0))
      (block $row_done
        (br_if $row_done (i32.eqz (local.get $pairs)))
        (loop $each_pair
          (v128.store (local.get $D)
            (v128.and (v128.load (local.get $s)) (f64x2.gt (v128.load (local.get $Z)) (v128.const f64x2 0 0))))
          (local.set $s (i32.add (local.get $s) (i32.const 16)))
          (local.set $Z (i32.add (local.get $Z) (i32.const 16)))
          (local.set $D (i32.add (local.get $D) (i32.const 16)))
          (br_if $each_pair (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 2))) (local.get $pairs)))))
      (if (i32.and (local.get $n) (i32.const 1))
        (then
          (f64.store (local.get $D) (select (f64.load (local.get $s)) (f64.const 0) (f64.gt (f64.load (local.get $Z)) (f64.const 0))))
          (local.set $Z (i32.add (local.get $Z) (i32.const 8)))
          (local.set $D (i32.add (local.get $D) (i32.const 8)))))
      (local.set $S (i32.add (local.get $S) (local.get $ss)))
      (br_if $each_row (i32.lt_u (local.tee $b (i32.add (local.get $b) (i32.const 1))) (local.get $rows)))))
)
