<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="25"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="26"/>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="27"/>
        <source>&amp;Data</source>
        <translation>データ(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="28"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="29"/>
        <source>E&amp;xamples</source>
        <translation>例(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="30"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="54"/>
        <source>&amp;New</source>
        <translation>新規(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="55"/>
        <source>Empty tables, t and y1, to type or paste your own data</source>
        <translation>空の表(t と y1)を開き、自分のデータを入力または貼り付けます</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="58"/>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="59"/>
        <source>Open a data CSV (a column t and one column per prediction) or a saved session</source>
        <translation>データの CSV(正解 t の列と予測ごとに1列)か、保存したセッションを開きます</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="63"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="64"/>
        <source>Save the data, the loss and its parameters as a .lossgui.json session</source>
        <translation>データと損失関数、そのパラメータを .lossgui.json セッションとして保存します</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="68"/>
        <source>Save &amp;As…</source>
        <translation>名前を付けて保存(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="70"/>
        <source>Save the session under a new name</source>
        <translation>セッションを新しい名前で保存します</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="73"/>
        <source>Save &amp;Data as CSV…</source>
        <translation>データを CSV で保存(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="74"/>
        <source>Write the tables, t and each y, as a data CSV that opens again (the loss and its parameters are kept in a session)</source>
        <translation>表(t と各 y)を、もう一度開けるデータの CSV として書き出します(損失関数とパラメータはセッションに保存されます)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="78"/>
        <source>&amp;Export Results…</source>
        <translation>結果を書き出す(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="80"/>
        <source>Write k, t, each y, its contributions and gradient to a CSV</source>
        <translation>k、t、各 y とその寄与・勾配を CSV に書き出します</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="84"/>
        <source>Export &amp;Plot…</source>
        <translation>グラフを書き出す(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="85"/>
        <source>Save the plot as a 1600×900 PNG or an SVG for a report</source>
        <translation>グラフを 1600×900 の PNG か SVG として保存します(レポート用)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="88"/>
        <source>UTF-8 &amp;BOM in Exported CSV (for Excel)</source>
        <translation>書き出す CSV に UTF-8 BOM を付ける(Excel 用)(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="90"/>
        <source>Start exported results CSVs with a byte-order mark so Excel reads non-English names correctly</source>
        <translation>書き出す結果の CSV の先頭に BOM を付け、Excel が日本語の列名を正しく読めるようにします</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="94"/>
        <source>Load the Article&apos;s Exa&amp;mple</source>
        <translation>記事の例を読み込む(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="96"/>
        <source>t = [0, 1, 0, 1, 0] with a good prediction y1 and a bad one y2</source>
        <translation>正解 t = [0, 1, 0, 1, 0] と、学習がうまくいっている予測 y1・うまくいっていない予測 y2</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="100"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="104"/>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="107"/>
        <source>&amp;Redo</source>
        <translation>やり直す(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="110"/>
        <source>Cu&amp;t</source>
        <translation>切り取り(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="113"/>
        <source>&amp;Copy</source>
        <translation>コピー(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="114"/>
        <source>Copy the selected cells as tab-separated text (totals at full precision)</source>
        <translation>選択したセルをタブ区切りのテキストとしてコピーします(合計は全桁)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="118"/>
        <source>&amp;Paste</source>
        <translation>貼り付け(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="119"/>
        <source>Paste cells from a spreadsheet, or a list such as [0.1, 0.2]</source>
        <translation>表計算ソフトのセルや [0.1, 0.2] のようなリストを貼り付けます</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="123"/>
        <source>C&amp;lear Cells</source>
        <translation>セルを空にする(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="125"/>
        <source>Blank the selected cells: they become missing, not zero</source>
        <translation>選択したセルを空にします(0 ではなく「値なし」になります)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="128"/>
        <source>&amp;Insert Row Above</source>
        <translation>上に行を挿入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="130"/>
        <source>Insert a blank row above the current one</source>
        <translation>現在の行の上に空の行を挿入します</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="133"/>
        <source>&amp;Append Row</source>
        <translation>末尾に行を追加(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="135"/>
        <source>Add a blank row at the end</source>
        <translation>最後に空の行を追加します</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="138"/>
        <source>&amp;Delete Rows</source>
        <translation>行を削除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="140"/>
        <source>Delete the selected rows from t and every prediction</source>
        <translation>選択した行を t とすべての予測から削除します</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="143"/>
        <source>Add &amp;Prediction</source>
        <translation>予測を追加(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="145"/>
        <source>Add a blank prediction column</source>
        <translation>空の予測の列を追加します</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="148"/>
        <source>Re&amp;name Prediction…</source>
        <translation>予測の名前を変更(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="150"/>
        <source>Rename the current prediction column</source>
        <translation>現在の予測の列の名前を変更します</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="153"/>
        <source>&amp;Remove Prediction</source>
        <translation>予測を削除(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="155"/>
        <source>Remove the current prediction column</source>
        <translation>現在の予測の列を削除します</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="158"/>
        <source>Target as &amp;Class Indices</source>
        <translation>正解をクラス番号で表示(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="160"/>
        <source>Show a batch&apos;s one-hot target as one class index per sample (PyTorch&apos;s target), or back as the table</source>
        <translation>バッチの one-hot の正解を、サンプルごとのクラス番号(PyTorch の正解の形)で表示します。もう一度選ぶと表に戻します</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="165"/>
        <source>Show &amp;Gradient −∂E/∂y</source>
        <translation>勾配 −∂E/∂y を表示(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="167"/>
        <source>Show the direction learning moves each y instead of the contributions</source>
        <translation>寄与の代わりに、学習が各 y を動かす向きを表示します</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="171"/>
        <source>Go to &amp;Loss</source>
        <translation>損失関数へ移動(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="175"/>
        <source>Go to &amp;Target t</source>
        <translation>正解 t へ移動(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="179"/>
        <source>Go to &amp;Predictions y</source>
        <translation>予測 y へ移動(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="183"/>
        <source>Go to T&amp;otals</source>
        <translation>合計へ移動(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="187"/>
        <source>Show &amp;Contributions</source>
        <translation>寄与を表示(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="189"/>
        <source>The contribution of every element, as bars</source>
        <translation>各要素の寄与を棒グラフで表示します</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="193"/>
        <source>Show the Cur&amp;ve of Element k</source>
        <translation>要素 k の曲線を表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="199"/>
        <source>Show Other Tools&apos; &amp;Numbers</source>
        <translation>他のツールの値を表示(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="195"/>
        <source>How element k&apos;s contribution changes with its y; click to set y</source>
        <translation>要素 k の寄与が y によってどう変わるか。クリックで y を設定できます</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="201"/>
        <source>Why do PyTorch, Keras, scikit-learn or the book give another number?</source>
        <translation>PyTorch、Keras、scikit-learn や本の値が違うのはなぜ?</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="205"/>
        <source>Show the Loss over &amp;Steps</source>
        <translation>ステップごとの損失を表示(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="207"/>
        <source>The total loss E at every step of learning</source>
        <translation>学習の各ステップでの損失の合計 E</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="210"/>
        <source>&amp;Reset Zoom</source>
        <translation>ズームを戻す(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="211"/>
        <source>Show every element of the plot again</source>
        <translation>グラフのすべての要素をもう一度表示します</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="214"/>
        <source>Copy Plot &amp;Image</source>
        <translation>グラフを画像としてコピー(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="215"/>
        <source>Copy the plot to the clipboard as an image</source>
        <translation>グラフを画像としてクリップボードにコピーします</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="220"/>
        <source>Short &amp;Guide</source>
        <translation>かんたんガイド(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="221"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/actions.py" line="222"/>
        <source>&amp;About lossgui</source>
        <translation>lossgui について(&amp;A)</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../lossgui/gui/app.py" line="64"/>
        <source>The window could not start.</source>
        <translation>ウィンドウを開始できませんでした。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/app.py" line="65"/>
        <source>The window keeps running; the last action may not have finished.</source>
        <translation>ウィンドウは動き続けますが、最後の操作は完了していない可能性があります。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/app.py" line="68"/>
        <source>lossgui: something went wrong</source>
        <translation>lossgui: 問題が発生しました</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/app.py" line="69"/>
        <source>%1

%2 Please report this with the details below.</source>
        <translation>%1

%2 下の詳細を添えて報告してください。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/app.py" line="97"/>
        <source>. Showing the article&apos;s example instead.</source>
        <translation>。代わりに記事の例を表示します。</translation>
    </message>
</context>
<context>
    <name>Background</name>
    <message>
        <location filename="../../lossgui/gui/files/background.py" line="60"/>
        <source>Opening %1…</source>
        <translation>%1 を開いています…</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/files/background.py" line="66"/>
        <source>Reading the pasted text…</source>
        <translation>貼り付けたテキストを読んでいます…</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/files/background.py" line="71"/>
        <source>Preparing the results…</source>
        <translation>結果を準備しています…</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/files/background.py" line="198"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>BatchPanel</name>
    <message>
        <location filename="../../lossgui/gui/panels/batch_panel.py" line="41"/>
        <source>Batch summary</source>
        <translation>バッチの概要</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/batch_panel.py" line="42"/>
        <source>Plot of each sample&apos;s contribution to the total</source>
        <translation>各サンプルの合計への寄与のグラフ</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/batch_panel.py" line="46"/>
        <source>share of E</source>
        <translation>E への寄与</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/batch_panel.py" line="47"/>
        <source>sample n</source>
        <translation>サンプル n</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/batch_panel.py" line="75"/>
        <source>the total E is the one sample&apos;s loss</source>
        <translation>合計 E は1つのサンプルの損失です</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/batch_panel.py" line="77"/>
        <source>the total E is the sum of the %1 samples&apos; losses</source>
        <translation>合計 E は %1 個のサンプルの損失の和です</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/batch_panel.py" line="79"/>
        <source>the total E is the mean of the %1 samples&apos; losses (÷ N)</source>
        <translation>合計 E は %1 個のサンプルの損失の平均です(÷ N)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/batch_panel.py" line="81"/>
        <source>the total E is the mean over all %1 × %2 elements (÷ N·K)</source>
        <translation>合計 E は %1 × %2 個すべての要素の平均です(÷ N·K)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/batch_panel.py" line="85"/>
        <source>1 sample</source>
        <translation>1 サンプル</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/batch_panel.py" line="86"/>
        <source>%1 samples</source>
        <translation>%1 サンプル</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/batch_panel.py" line="87"/>
        <source>1 class</source>
        <translation>1 クラス</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/batch_panel.py" line="88"/>
        <source>%1 classes</source>
        <translation>%1 クラス</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/batch_panel.py" line="89"/>
        <source>Batch of %1 × %2: %3. Other tools compares the whole batch; the plot, formula and curve show sample %4</source>
        <translation>%1 × %2のバッチ: %3。他のツールはバッチ全体を比べます。グラフ・式・曲線はサンプル %4 を表示しています</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/batch_panel.py" line="100"/>
        <source>%1 unknown (see the notes)</source>
        <translation>%1: 不明(注意を参照)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/batch_panel.py" line="104"/>
        <source>, whose own loss is %1</source>
        <translation>(そのサンプル自身の損失は %1)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/batch_panel.py" line="106"/>
        <location filename="../../lossgui/gui/panels/batch_panel.py" line="112"/>
        <source>%1.</source>
        <translation>%1。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/batch_panel.py" line="114"/>
        <source>%1 %2</source>
        <comment>two sentences in a row</comment>
        <translation>%1%2</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/batch_panel.py" line="123"/>
        <source>The total E of %1 is unknown: the loss of sample %2 is unknown (see the notes)</source>
        <translation>%1 の合計 E は不明です。サンプル %2 の損失が不明なためです(注意を参照)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/batch_panel.py" line="125"/>
        <source>The total E of %1 is unknown: the losses of samples %2 are unknown (see the notes)</source>
        <translation>%1 の合計 E は不明です。サンプル %2 の損失が不明なためです(注意を参照)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/batch_panel.py" line="183"/>
        <source>This sample&apos;s loss is not a number: see the notes</source>
        <translation>このサンプルの損失は数ではありません。注意を参照してください</translation>
    </message>
</context>
<context>
    <name>BatchSheet</name>
    <message>
        <location filename="../../lossgui/gui/sheet/batch_sheet.py" line="449"/>
        <source>Predictions</source>
        <translation>予測</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/sheet/batch_sheet.py" line="466"/>
        <source>Target t, one row per sample</source>
        <translation>正解 t(1行が1サンプル)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/sheet/batch_sheet.py" line="467"/>
        <source>Prediction %1, one row per sample</source>
        <translation>予測 %1(1行が1サンプル)</translation>
    </message>
</context>
<context>
    <name>BatchTableModel</name>
    <message>
        <location filename="../../lossgui/gui/sheet/batch_sheet.py" line="168"/>
        <source>blank</source>
        <translation>空欄</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/sheet/batch_sheet.py" line="177"/>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/sheet/batch_sheet.py" line="178"/>
        <source>The loss of sample %1 alone: %2. The total is the batch&apos;s mean or sum of these.</source>
        <translation>サンプル %1 だけの損失: %2。合計はこれらのバッチでの平均か和です。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/sheet/batch_sheet.py" line="167"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/sheet/batch_sheet.py" line="199"/>
        <source>loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/sheet/batch_sheet.py" line="203"/>
        <source>The correct class of each sample, counted from 0 (PyTorch&apos;s class-index target)</source>
        <translation>各サンプルの正解のクラス(0 から数えます。PyTorch のクラス番号の正解)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/sheet/batch_sheet.py" line="206"/>
        <source>Each sample&apos;s own loss</source>
        <translation>各サンプル自身の損失</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/sheet/batch_sheet.py" line="207"/>
        <source>Class %1, counted from 0 as PyTorch and the book do</source>
        <translation>クラス %1(PyTorch や書籍と同じく 0 から数えます)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/sheet/batch_sheet.py" line="231"/>
        <source>%1: %2; the old value is kept.</source>
        <translation>%1: %2。元の値のままです。</translation>
    </message>
</context>
<context>
    <name>BatchView</name>
    <message>
        <location filename="../../lossgui/gui/sheet/batch_sheet.py" line="391"/>
        <source>Nothing was pasted: %1%2.</source>
        <translation>何も貼り付けませんでした: %1%2。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/sheet/batch_sheet.py" line="404"/>
        <source>Nothing was pasted: %1.</source>
        <translation>何も貼り付けませんでした: %1。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/sheet/batch_sheet.py" line="408"/>
        <source>The paste has %1 columns from class %2 on, but the batch had K = %3 classes: it now has K = %4, the new classes blank wherever the paste did not reach. Ctrl+Z takes the paste back.</source>
        <translation>貼り付けはクラス %2 から %1 列ありますが、バッチのクラスは K = %3 でした。今は K = %4 で、新しいクラスは貼り付けが届かなかったところでは空欄です。Ctrl+Z で貼り付けを取り消せます。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/sheet/batch_sheet.py" line="421"/>
        <source>Clear cells</source>
        <translation>セルを空にする</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../lossgui/gui/commands.py" line="70"/>
        <source>Insert row %1</source>
        <translation>%1 行目を挿入</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/commands.py" line="71"/>
        <source>Insert %n rows at row %1</source>
        <translation>%1 行目に %n 行を挿入</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/commands.py" line="44"/>
        <source>Delete row %1</source>
        <translation>%1 行目を削除</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/commands.py" line="46"/>
        <source>Delete rows %1–%2</source>
        <translation>%1〜%2 行目を削除</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/commands.py" line="48"/>
        <source>Delete %n rows</source>
        <translation>%n 行を削除</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/commands.py" line="226"/>
        <source>Add prediction %1</source>
        <translation>予測 %1 を追加</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/commands.py" line="246"/>
        <source>Remove prediction %1</source>
        <translation>予測 %1 を削除</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/commands.py" line="270"/>
        <source>Rename %1 to %2</source>
        <translation>%1 の名前を %2 に変更</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/commands.py" line="290"/>
        <source>Change loss to %1</source>
        <translation>損失関数を %1 に変更</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/commands.py" line="311"/>
        <source>Set %1 to %2</source>
        <translation>%1 を %2 に設定</translation>
    </message>
</context>
<context>
    <name>ConventionsPanel</name>
    <message>
        <location filename="../../lossgui/gui/panels/conventions_panel.py" line="36"/>
        <source>the article</source>
        <translation>記事</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/conventions_panel.py" line="37"/>
        <source>Deep Learning from Scratch</source>
        <translation>ゼロから作るDeep Learning</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/conventions_panel.py" line="50"/>
        <source>&lt;b&gt;Why do other tools give another number?&lt;/b&gt; Each tool has its own convention; here is what each reports, and why.</source>
        <translation>&lt;b&gt;他のツールで値が違うのはなぜ?&lt;/b&gt; ツールごとに決まり(規約)が違います。それぞれが返す値と、その理由です。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/conventions_panel.py" line="54"/>
        <source>For the prediction</source>
        <translation>対象の予測</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/conventions_panel.py" line="64"/>
        <source>Remarks on the input</source>
        <translation>入力についての注意</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/conventions_panel.py" line="72"/>
        <source>What other tools report</source>
        <translation>他のツールが返す値</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/conventions_panel.py" line="74"/>
        <source>Tool</source>
        <translation>ツール</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/conventions_panel.py" line="74"/>
        <source>Function</source>
        <translation>関数</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/conventions_panel.py" line="74"/>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/conventions_panel.py" line="74"/>
        <source>Why it differs</source>
        <translation>違う理由</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/conventions_panel.py" line="139"/>
        <source>lossgui (now)</source>
        <translation>lossgui (現在)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/conventions_panel.py" line="140"/>
        <source>The loss and parameters chosen on the left, for comparison.</source>
        <translation>左で選んだ損失関数とパラメータ(比較用)。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/conventions_panel.py" line="151"/>
        <source>This tool refuses this input: %1</source>
        <translation>このツールはこの入力を受け付けません: %1</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/conventions_panel.py" line="172"/>
        <source>ⓘ %1 and t look like one class per sample with probabilities summing to 1: the tools should agree up to their clipping.</source>
        <translation>ⓘ %1 と t は「1サンプルに正解1クラス、確率の合計が1」の形です。クリップの違いを除けば、どのツールも同じ値になるはずです。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/conventions_panel.py" line="180"/>
        <source>refuses</source>
        <translation>受け付けない</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/conventions_panel.py" line="182"/>
        <source>not a number</source>
        <translation>数値ではない</translation>
    </message>
</context>
<context>
    <name>CurveOverlay</name>
    <message>
        <location filename="../../lossgui/gui/panels/curve_overlay.py" line="47"/>
        <source>Compare &amp;with</source>
        <translation>ほかの損失と比べる(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/curve_overlay.py" line="48"/>
        <source>Draw other losses&apos; curves of the same element, each with its own tangent</source>
        <translation>同じ要素について、ほかの損失関数の曲線をそれぞれの接線とともに描きます</translation>
    </message>
</context>
<context>
    <name>CurvePanel</name>
    <message>
        <location filename="../../lossgui/gui/panels/curve_panel.py" line="116"/>
        <source>The element k whose curve is drawn (the current row of the tables)</source>
        <translation>曲線を描く要素 k(表の現在の行)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/curve_panel.py" line="119"/>
        <source>Clicking on the plot sets this prediction&apos;s y_k</source>
        <translation>グラフをクリックすると、この予測の y_k を設定します</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/curve_panel.py" line="120"/>
        <source>Element &amp;k:</source>
        <translation>要素 &amp;k:</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/curve_panel.py" line="122"/>
        <source>&amp;Set by clicking:</source>
        <translation>クリックで設定(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/curve_panel.py" line="134"/>
        <source>Loss curve of element k</source>
        <translation>要素 k の損失の曲線</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/curve_panel.py" line="146"/>
        <source>What the curve says</source>
        <translation>曲線の読み方</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/curve_panel.py" line="206"/>
        <source>%1 (with %2 fixed)</source>
        <translation>%1(%2 は固定)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/curve_panel.py" line="222"/>
        <source>change of %1 as %2 moves</source>
        <translation>%2 を動かしたときの %1 の変化</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/curve_panel.py" line="226"/>
        <source>contribution of class %1 to %2</source>
        <translation>クラス %1 の %2 への寄与</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/curve_panel.py" line="228"/>
        <source>contribution of element %1 to E</source>
        <translation>要素 %1 の E への寄与</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/curve_panel.py" line="326"/>
        <source>No curve for %1 — fill in its value and %2 (see the notes).</source>
        <translation>%1 の曲線はありません — その値と %2 を入力してください(注意を参照)。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/curve_panel.py" line="332"/>
        <source>lowering it lowers E (learning moves it down)</source>
        <translation>この値を下げると E が下がります(学習はこの値を下げます)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/curve_panel.py" line="334"/>
        <source>raising it lowers E (learning moves it up)</source>
        <translation>この値を上げると E が下がります(学習はこの値を上げます)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/curve_panel.py" line="336"/>
        <source>moving it a little does not change E here</source>
        <translation>ここではこの値を少し動かしても E は変わりません</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/curve_panel.py" line="337"/>
        <source>%1 = %2: contribution %3, slope of the tangent (the gradient) %4: %5. Click or drag on the plot to set it.</source>
        <translation>%1 = %2: 寄与 %3、接線の傾き(勾配)%4: %5。グラフをクリックまたはドラッグするとこの値を設定できます。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/curve_panel.py" line="356"/>
        <source> On logits the loss keeps falling as %1 grows: its minimum is at %1 → +∞, not at %1 = t.</source>
        <translation>ロジットでは %1 が大きくなるほど損失は下がり続けます。最小は %1 → +∞ で、%1 = t ではありません。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/curve_panel.py" line="359"/>
        <source> On logits the loss keeps falling as %1 falls: its minimum is at %1 → −∞, not at %1 = t.</source>
        <translation>ロジットでは %1 が小さくなるほど損失は下がり続けます。最小は %1 → −∞ で、%1 = t ではありません。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/curve_panel.py" line="362"/>
        <source> Moving it changes the other classes&apos; terms too, so the curve is the change of E, drawn through its contribution now: it can go below 0.</source>
        <translation>これを動かすとほかのクラスの項も変わるので、曲線は今の寄与を通るように描いた E の変化で、0 より下にもなります。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/curve_panel.py" line="391"/>
        <source>Set %1 on the curve</source>
        <translation>曲線上で %1 を設定</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <location filename="../../lossgui/gui/document.py" line="563"/>
        <source>Paste %1×%2 cells</source>
        <translation>%1×%2 セルを貼り付け</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/document.py" line="329"/>
        <source>Clear %n cells</source>
        <translation>%n セルを空にする</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/document.py" line="305"/>
        <location filename="../../lossgui/gui/document.py" line="392"/>
        <source>Edit %1</source>
        <translation>%1 を編集</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/document.py" line="327"/>
        <source>Clear %1</source>
        <translation>%1 を空にする</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/document.py" line="440"/>
        <source>Target as class indices</source>
        <translation>正解をクラス番号で表示</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/document.py" line="441"/>
        <source>Target as one-hot table</source>
        <translation>正解を one-hot の表で表示</translation>
    </message>
</context>
<context>
    <name>ElementSpin</name>
    <message>
        <location filename="../../lossgui/gui/selection.py" line="142"/>
        <source>Element k</source>
        <translation>要素 k</translation>
    </message>
</context>
<context>
    <name>Examples</name>
    <message>
        <location filename="../../lossgui/gui/examples.py" line="53"/>
        <source>The Article: t = [0, 1, 0, 1, 0], a Good and a Bad y</source>
        <translation>記事の例: t = [0, 1, 0, 1, 0]、良い予測と悪い予測</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/examples.py" line="54"/>
        <source>2乗和誤差 0.252 for the good prediction y1, 2.0651 for the bad one y2</source>
        <translation>2乗和誤差は、学習がうまくいっている y1 で 0.252、うまくいっていない y2 で 2.0651</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/examples.py" line="59"/>
        <source>The Book: 10 Classes, the Answer Is Class 2</source>
        <translation>書籍の例: 10クラス、正解はクラス2</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/examples.py" line="66"/>
        <source>The Book: the Same y, the Answer Is Class 7</source>
        <translation>書籍の例: 同じ y、正解はクラス7</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/examples.py" line="60"/>
        <source>Deep Learning from Scratch: y gives class 2 (row 3: the book counts classes from 0) the highest probability 0.6; ½·SSE 0.0975, CEE with δ 0.5108</source>
        <translation>ゼロから作るDeep Learning: y はクラス2(3 行目: 本はクラスを 0 から数えます)に最も高い確率 0.6 を付けています。½·2乗和誤差 0.0975、δ 付き交差エントロピー誤差 0.5108</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/examples.py" line="67"/>
        <source>The same y, but t says class 7 (row 8): ½·SSE 0.5975, CEE with δ 2.3026 — a wrong guess costs more</source>
        <translation>同じ y で正解 t がクラス7(8 行目)の場合: ½·2乗和誤差 0.5975、δ 付き交差エントロピー誤差 2.3026 — 外れた予測ほど損失が大きくなります</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/examples.py" line="72"/>
        <source>Regression: Real Numbers, One Outlier</source>
        <translation>回帰: 実数、外れ値が1つ</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/examples.py" line="73"/>
        <source>t is any real number; y2 misses one element by 5. Compare mean squared error with Huber loss</source>
        <translation>t は任意の実数です。y2 は1つの要素だけ 5 外れています。平均2乗誤差と Huber損失を比べてみましょう</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/examples.py" line="78"/>
        <source>Logits, One Class: Softmax Cross-Entropy</source>
        <translation>ロジット、正解1クラス: ソフトマックス交差エントロピー誤差</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/examples.py" line="79"/>
        <source>y are raw scores (logits), not probabilities; softmax turns them into probabilities first</source>
        <translation>y は確率ではなく生のスコア(ロジット)です。ソフトマックスでまず確率に変換します</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/examples.py" line="84"/>
        <source>Logits, Several Labels: BCE with Logits</source>
        <translation>ロジット、複数ラベル: ロジット入力の2値交差エントロピー誤差</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/examples.py" line="85"/>
        <source>t has two 1s (two labels are right); every element is its own yes/no question</source>
        <translation>t に 1 が2つあります(正解のラベルが2つ)。各要素がそれぞれ独立した「はい/いいえ」の問題です</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/examples.py" line="90"/>
        <source>The Book&apos;s Batch: 2 Samples with Labels</source>
        <translation>書籍のバッチ: ラベル付きの2サンプル</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/examples.py" line="91"/>
        <source>Deep Learning from Scratch&apos;s mini-batch: labels 2 and 7, cross-entropy with δ, the batch mean 0.4338 (the sum of the two samples&apos; losses is 0.8675)</source>
        <translation>『ゼロから作るDeep Learning』のミニバッチ: ラベル 2 と 7、δ 付き交差エントロピー誤差、バッチ平均 0.4338(2サンプルの損失の和は 0.8675)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/examples.py" line="97"/>
        <source>A Logits Batch: 4 Samples × 3 Classes, as PyTorch</source>
        <translation>ロジットのバッチ: 4 サンプル × 3 クラス(PyTorch と同じ形)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/examples.py" line="98"/>
        <source>Logits and class-index labels, as PyTorch&apos;s cross_entropy(z, t) takes them: softmax cross-entropy gives 0.7974, the mean of the samples&apos; losses</source>
        <translation>ロジットとクラス番号のラベル(PyTorch の cross_entropy(z, t) が受け取る形): ソフトマックス交差エントロピー誤差は 0.7974(サンプルの損失の平均)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/examples.py" line="104"/>
        <source>Lesson: SSE or CEE from a Confident Wrong Guess</source>
        <translation>レッスン: 自信たっぷりの誤りから学ぶ 2乗和誤差と交差エントロピー誤差</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/examples.py" line="105"/>
        <source>y puts 0.98 on the wrong class: press Run under SSE, then Reset, choose cross-entropy (cee) and Run again, both stepping on the logits. SSE&apos;s gradient nearly vanishes where softmax is saturated, so its loss crawls for many steps, while CEE&apos;s gradient y − t does not vanish and its loss falls at once.</source>
        <translation>y は間違ったクラスに 0.98 を置いています。2乗和誤差(sse)で「実行」し、「リセット」してから交差エントロピー誤差(cee)を選んでもう一度「実行」してください(どちらもロジットで進めます)。ソフトマックスが飽和したところでは 2乗和誤差の勾配はほとんど消えるので損失は何ステップも這うように進みますが、交差エントロピー誤差の勾配 y − t は消えないので損失はすぐに下がります。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/examples.py" line="113"/>
        <source>Lesson: MSE or MAE with One Outlier</source>
        <translation>レッスン: 外れ値が1つあるときの平均2乗誤差と平均絶対誤差</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/examples.py" line="114"/>
        <source>y5 misses by 10 while the others miss by 0.13 or less: Run under MSE, then Reset, choose MAE and Run again. MSE&apos;s slope grows with the error, so the outlier takes big steps and is in within a few, while MAE&apos;s slope is the same ±1/n for every element, so the outlier comes in 0.2 a step, E falls in a nearly straight line and the small errors jitter around t.</source>
        <translation>y₅ だけが 10 ずれ、ほかのずれは 0.13 以下です。平均2乗誤差(mse)で「実行」し、「リセット」してから平均絶対誤差(mae)を選んでもう一度「実行」してください。平均2乗誤差の傾きは誤差とともに大きくなるので外れ値は大きな歩幅で数ステップのうちに戻りますが、平均絶対誤差の傾きはどの要素でも同じ ±1/n なので、外れ値は1ステップに 0.2 ずつしか戻らず、E はほぼ直線で下がり、小さな誤差は t のまわりで行ったり来たりします。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/examples.py" line="123"/>
        <source>Lesson: a Good and a Too-Large Learning Rate</source>
        <translation>レッスン: ちょうどよい学習率と大きすぎる学習率</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/examples.py" line="124"/>
        <source>The article&apos;s data under SSE: Run with learning rate 0.1, then Reset, set it to 1.1 and Run again. Each step multiplies y − t by 1 − 2η, which is 0.8 for η = 0.1 and shrinks the error, but −1.2 for η = 1.1, which throws y past t further every step, so E climbs.</source>
        <translation>記事のデータを 2乗和誤差で扱います。学習率 0.1 で「実行」し、「リセット」してから学習率を 1.1 にしてもう一度「実行」してください。1ステップごとに y − t には 1 − 2η が掛かります。η = 0.1 ならそれは 0.8 で誤差は縮みますが、η = 1.1 なら −1.2 で、y は毎回 t をさらに大きく飛び越えるので E は増えていきます。</translation>
    </message>
</context>
<context>
    <name>FileController</name>
    <message>
        <location filename="../../lossgui/gui/files/controller.py" line="51"/>
        <source>Data or sessions (*.csv *.tsv *.txt *%1);;CSV data (*.csv *.tsv *.txt);;lossgui sessions (*%1);;All files (*)</source>
        <translation>データまたはセッション (*.csv *.tsv *.txt *%1);;CSV データ (*.csv *.tsv *.txt);;lossgui セッション (*%1);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/files/controller.py" line="54"/>
        <source>lossgui session (*%1)</source>
        <translation>lossgui セッション (*%1)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/files/controller.py" line="55"/>
        <source>CSV results (*.csv)</source>
        <translation>CSV の結果 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/files/controller.py" line="56"/>
        <source>CSV data (*.csv)</source>
        <translation>CSV データ (*.csv)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/files/controller.py" line="57"/>
        <source>PNG image, 1600×900 (*.png)</source>
        <translation>PNG 画像、1600×900 (*.png)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/files/controller.py" line="58"/>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 図 (*.svg)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/files/controller.py" line="201"/>
        <source>Open &amp;Recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/files/controller.py" line="222"/>
        <source>Open data or session</source>
        <translation>データまたはセッションを開く</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/files/controller.py" line="234"/>
        <source>Which column is the target?</source>
        <translation>どの列が正解ですか?</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/files/controller.py" line="235"/>
        <source>%1 has no column called t.
Which column holds the target t?</source>
        <translation>%1 には t という列がありません。
どの列が正解 t ですか?</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/files/controller.py" line="243"/>
        <source>Replace the file?</source>
        <translation>ファイルを置き換えますか?</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/files/controller.py" line="244"/>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 は既に存在します。
置き換えますか?</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/files/controller.py" line="279"/>
        <source>Unsaved changes</source>
        <translation>保存されていない変更</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/files/controller.py" line="280"/>
        <source>Save the changes to %1?</source>
        <translation>%1 への変更を保存しますか?</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/files/controller.py" line="284"/>
        <source>If you don&apos;t save, your edits since the last save are lost.</source>
        <translation>保存しないと、最後に保存してからの編集は失われます。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/files/controller.py" line="325"/>
        <source>Could not open %1: %2</source>
        <translation>%1 を開けませんでした: %2</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/files/controller.py" line="335"/>
        <source>Opened %1</source>
        <translation>%1 を開きました</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/files/controller.py" line="337"/>
        <source>Opened %1 under %2 (Ctrl+L picks another loss)</source>
        <translation>%1 を開きました(損失関数: %2。Ctrl+L で変えられます)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/files/controller.py" line="340"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/files/controller.py" line="428"/>
        <source>Save session</source>
        <translation>セッションを保存</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/files/controller.py" line="438"/>
        <source>Could not save the session: %1. Your data is still here; try another folder or file name.</source>
        <translation>セッションを保存できませんでした: %1。データはそのまま残っています。別のフォルダかファイル名を試してください。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/files/controller.py" line="446"/>
        <source>Saved %1</source>
        <translation>%1 を保存しました</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/files/controller.py" line="468"/>
        <source>Could not save the data: %1</source>
        <translation>データを保存できませんでした: %1</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/files/controller.py" line="471"/>
        <source>Save data as CSV</source>
        <translation>データを CSV で保存</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/files/controller.py" line="473"/>
        <source>Could not save the data: %1. Your data is still here.</source>
        <translation>データを保存できませんでした: %1。データはそのまま残っています。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/files/controller.py" line="477"/>
        <source>Saved the data to %1</source>
        <translation>データを %1 に保存しました</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/files/controller.py" line="508"/>
        <source>Could not export the results: %1</source>
        <translation>結果を書き出せませんでした: %1</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/files/controller.py" line="512"/>
        <source>Export results</source>
        <translation>結果を書き出す</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/files/controller.py" line="513"/>
        <source>Could not export the results: %1. Your data is still here.</source>
        <translation>結果を書き出せませんでした: %1。データはそのまま残っています。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/files/controller.py" line="517"/>
        <source>Exported the results to %1</source>
        <translation>結果を %1 に書き出しました</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/files/controller.py" line="527"/>
        <source>Export plot: %1</source>
        <translation>グラフを書き出す: %1</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/files/controller.py" line="530"/>
        <source>Export plot</source>
        <translation>グラフを書き出す</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/files/controller.py" line="543"/>
        <source>Could not export the plot: %1</source>
        <translation>グラフを書き出せませんでした: %1</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/files/controller.py" line="546"/>
        <source>Exported the plot to %1</source>
        <translation>グラフを %1 に書き出しました</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/files/controller.py" line="601"/>
        <source>Could not open %1: the file is no longer there.</source>
        <translation>%1 を開けませんでした: ファイルがもうありません。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/files/controller.py" line="617"/>
        <source>&amp;Clear Recent Files</source>
        <translation>一覧を消去(&amp;C)</translation>
    </message>
</context>
<context>
    <name>FormulaPanel</name>
    <message>
        <location filename="../../lossgui/gui/panels/formula_panel.py" line="37"/>
        <source>Whose numbers the formula shows</source>
        <translation>式に値を入れる予測</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/formula_panel.py" line="38"/>
        <source>Written out with the numbers of</source>
        <translation>値を入れた式:</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/formula_panel.py" line="48"/>
        <source>Formula with the numbers</source>
        <translation>値を入れた式</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/formula_panel.py" line="85"/>
        <source>Cannot compute: %1</source>
        <translation>計算できません: %1</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/formula_panel.py" line="90"/>
        <source>Fill in every t and y to see the formula with its numbers.</source>
        <translation>すべての t と y を入力すると、値を入れた式が表示されます。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/formula_panel.py" line="105"/>
        <source>Greyed terms have t = 0: they add nothing to E.</source>
        <translation>灰色の項は t = 0 なので、E に何も加えません。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lossgui/gui/panels/formula_panel.py" line="123"/>
        <source>… (%n more terms) …</source>
        <translation>
            <numerusform>…(ほか %n 項)…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/formula_panel.py" line="130"/>
        <source>not a number</source>
        <translation>数ではありません</translation>
    </message>
</context>
<context>
    <name>LearnPanel</name>
    <message>
        <location filename="../../lossgui/gui/panels/learn_panel.py" line="46"/>
        <source>Learn</source>
        <translation>学習</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/learn_panel.py" line="52"/>
        <source>Learning rate</source>
        <translation>学習率</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/learn_panel.py" line="53"/>
        <source>η in y ← y − η·∂E/∂y: how far each step moves</source>
        <translation>y ← y − η·∂E/∂y の η: 1ステップでどれだけ動かすか</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/learn_panel.py" line="63"/>
        <source>Learning &amp;rate η:</source>
        <translation>学習率 η(&amp;R):</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/learn_panel.py" line="67"/>
        <source>What the steps move</source>
        <translation>ステップで動かすもの</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/learn_panel.py" line="68"/>
        <location filename="../../lossgui/gui/panels/learn_panel.py" line="218"/>
        <source>y itself</source>
        <translation>y そのもの</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/learn_panel.py" line="71"/>
        <source>the logits z</source>
        <translation>ロジット z</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/learn_panel.py" line="73"/>
        <source>For losses on probabilities a plain step can leave [0, 1]; stepping on the logits z behind them (y = softmax(z) or σ(z)) keeps y a probability</source>
        <translation>確率を受け取る損失では、そのまま進めると y が [0, 1] の外に出ることがあります。裏にあるロジット z(y = softmax(z) または σ(z))で進めると y は確率のままです</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/learn_panel.py" line="79"/>
        <source>Step &amp;on:</source>
        <translation>進める対象(&amp;O):</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/learn_panel.py" line="82"/>
        <source>&amp;Step</source>
        <translation>ステップ(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/learn_panel.py" line="83"/>
        <source>Take one step y ← y − η·∂E/∂y on every prediction</source>
        <translation>すべての予測で y ← y − η·∂E/∂y を1ステップ進めます</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/learn_panel.py" line="85"/>
        <location filename="../../lossgui/gui/panels/learn_panel.py" line="199"/>
        <source>R&amp;un</source>
        <translation>実行(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/learn_panel.py" line="87"/>
        <source>Take a step per frame until Stop (the whole run is one undo step)</source>
        <translation>「停止」まで1フレームに1ステップずつ進めます(実行全体で1回の取り消し単位です)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/learn_panel.py" line="90"/>
        <source>Rese&amp;t</source>
        <translation>リセット(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/learn_panel.py" line="233"/>
        <source>Put the predictions back to where learning began</source>
        <translation>予測を学習を始めたときの値に戻します</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/learn_panel.py" line="95"/>
        <source>Most steps per Run</source>
        <translation>1回の実行の最大ステップ数</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/learn_panel.py" line="96"/>
        <source> steps</source>
        <translation> ステップ</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/learn_panel.py" line="97"/>
        <source>Run stops by itself after this many steps</source>
        <translation>このステップ数で実行は自動的に止まります</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/learn_panel.py" line="99"/>
        <source>Run at &amp;most</source>
        <translation>最大(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/learn_panel.py" line="104"/>
        <source>Where learning is</source>
        <translation>学習の進み具合</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/learn_panel.py" line="199"/>
        <source>St&amp;op</source>
        <translation>停止(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/learn_panel.py" line="217"/>
        <source>z itself</source>
        <translation>z そのもの</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/learn_panel.py" line="220"/>
        <source>This loss reads logits: the steps move z, its own input</source>
        <translation>この損失はロジットを読みます。ステップは損失の入力である z を動かします</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/learn_panel.py" line="234"/>
        <source>Nothing to put back: no step was taken since the data, the loss or η last changed (each ends a run)</source>
        <translation>戻すものがありません: データ・損失関数・η が最後に変わってから、まだ 1 ステップも進めていません(どれが変わっても実行は終わります)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/learn_panel.py" line="239"/>
        <source>Step %1 (%2): E = %3</source>
        <translation>ステップ %1(%2): E = %3</translation>
    </message>
</context>
<context>
    <name>Learning</name>
    <message>
        <location filename="../../lossgui/gui/learning.py" line="167"/>
        <source>Learn: 1 step</source>
        <translation>学習: 1 ステップ</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/learning.py" line="168"/>
        <source>Learn: %n steps</source>
        <translation>学習: %n ステップ</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/learning.py" line="148"/>
        <source>Reset the predictions to where learning began</source>
        <translation>予測を学習開始時の値に戻す</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/learning.py" line="57"/>
        <source>(Step on ▸ %1)</source>
        <translation>(進める対象 ▸ %1)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lossgui/gui/learning.py" line="486"/>
        <source>Run stopped at its cap of %n steps; press Run to go on.</source>
        <translation>
            <numerusform>1回の実行の上限 %n ステップで止まりました。続けるには実行を押してください。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/learning.py" line="511"/>
        <source>The Run stopped at step %1, where E stopped being a loss; Step or Run goes on from here.</source>
        <translation>ステップ %1 で実行を止めました。ここで E は損失でなくなりました。ステップか実行でここから続けられます。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/learning.py" line="514"/>
        <source>%1 %2</source>
        <comment>two sentences in a row</comment>
        <translation>%1%2</translation>
    </message>
</context>
<context>
    <name>LossPanel</name>
    <message>
        <location filename="../../lossgui/gui/panels/loss_panel.py" line="77"/>
        <source>Loss function</source>
        <translation>損失関数</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/loss_panel.py" line="133"/>
        <source>%1 — expects %2</source>
        <translation>%1 — 入力: %2</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/loss_panel.py" line="81"/>
        <source>&amp;Loss:</source>
        <translation>損失関数(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/loss_panel.py" line="85"/>
        <source>Formula</source>
        <translation>式</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/loss_panel.py" line="93"/>
        <source>About the loss</source>
        <translation>損失関数について</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/loss_panel.py" line="173"/>
        <source>English: %1 · expects %2</source>
        <translation>英語名: %1 · 入力: %2</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/loss_panel.py" line="175"/>
        <source>Japanese: %1 · expects %2</source>
        <translation>日本語名: %1 · 入力: %2</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/loss_panel.py" line="180"/>
        <source>When to use it: %1</source>
        <translation>使う場面: %1</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/loss_panel.py" line="201"/>
        <source>Parameter %1</source>
        <translation>パラメータ %1</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/loss_panel.py" line="203"/>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/loss_panel.py" line="251"/>
        <source>%1; the old value is kept.</source>
        <translation>%1。元の値のままです。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/loss_panel.py" line="259"/>
        <source>%1: %2; the old value is kept.</source>
        <translation>%1: %2。元の値のままです。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../lossgui/gui/main_window.py" line="112"/>
        <source>Target t</source>
        <translation>正解 t</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/main_window.py" line="114"/>
        <source>Predictions y</source>
        <translation>予測 y</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/main_window.py" line="139"/>
        <source>Problem count</source>
        <translation>問題の数</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/main_window.py" line="214"/>
        <source>Notice</source>
        <translation>お知らせ</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/main_window.py" line="215"/>
        <source>Dismiss the notice</source>
        <translation>お知らせを閉じる</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/main_window.py" line="217"/>
        <source>First-run hint</source>
        <translation>はじめての方へのヒント</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/main_window.py" line="218"/>
        <source>Dismiss the hint</source>
        <translation>ヒントを閉じる</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/main_window.py" line="295"/>
        <source>Contributions</source>
        <translation>寄与</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/main_window.py" line="296"/>
        <source>Curve of element k</source>
        <translation>要素 k の曲線</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/main_window.py" line="297"/>
        <source>Other tools</source>
        <translation>他のツール</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/main_window.py" line="298"/>
        <source>How element k&apos;s contribution changes with its y; click the plot to set y</source>
        <translation>要素 k の寄与が y によってどう変わるか。グラフをクリックすると y を設定できます</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/main_window.py" line="300"/>
        <source>Why do other tools give another number?</source>
        <translation>他のツールで値が違うのはなぜ?</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/main_window.py" line="418"/>
        <source>Loss over steps</source>
        <translation>ステップごとの損失</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/main_window.py" line="421"/>
        <source>The total loss E at every step of learning, one line per prediction</source>
        <translation>学習の各ステップでの損失の合計 E(予測ごとに1本の線)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/main_window.py" line="507"/>
        <source>Lang&amp;uage</source>
        <translation>言語(&amp;U)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lossgui/gui/main_window.py" line="642"/>
        <source>%n warnings: read them in the notes about the input</source>
        <translation>
            <numerusform>警告が %n 個: 入力についての注意に書いてあります</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/main_window.py" line="638"/>
        <source>No problems</source>
        <translation>問題なし</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/main_window.py" line="451"/>
        <source>Run stopped for your edit; its steps are kept. Press Run to go on.</source>
        <translation>編集のため実行を止めました。それまでのステップは残っています。続けるには実行を押してください。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/main_window.py" line="640"/>
        <source>1 warning: read it in the notes about the input</source>
        <translation>警告が 1 個: 入力についての注意に書いてあります</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/main_window.py" line="645"/>
        <source>1 problem: hover the red cell to read why</source>
        <translation>問題が1つ: 赤いセルにマウスを乗せると理由が読めます</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lossgui/gui/main_window.py" line="647"/>
        <source>%n problems: hover the red cells to read why</source>
        <translation>
            <numerusform>問題が %n 個: 赤いセルにマウスを乗せると理由が読めます</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/main_window.py" line="649"/>
        <source>; 1 more warning in the notes about the input</source>
        <translation>。ほかに、入力についての注意に警告が 1 個</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lossgui/gui/main_window.py" line="651"/>
        <source>; %n more warnings in the notes about the input</source>
        <translation>
            <numerusform>。ほかに、入力についての注意に警告が %n 個</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/main_window.py" line="685"/>
        <source>&amp;Undo %1</source>
        <translation>元に戻す(&amp;U) %1</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/main_window.py" line="689"/>
        <source>&amp;Redo %1</source>
        <translation>やり直す(&amp;R) %1</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/main_window.py" line="855"/>
        <source>Keep at least one sample: a loss needs at least one.</source>
        <translation>少なくとも1サンプルは残してください。損失関数にはサンプルが1つ以上必要です。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/main_window.py" line="860"/>
        <source>Delete %n samples</source>
        <translation>%n サンプルを削除</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/main_window.py" line="890"/>
        <source>The target keeps the name it came with; only predictions can be renamed.</source>
        <translation>正解の列名は読み込んだときのままです。名前を変えられるのは予測だけです。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/main_window.py" line="894"/>
        <source>Rename prediction</source>
        <translation>予測の名前を変更</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/main_window.py" line="895"/>
        <source>New name for %1:</source>
        <translation>%1 の新しい名前:</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/main_window.py" line="950"/>
        <source>New data</source>
        <translation>新しいデータ</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/main_window.py" line="953"/>
        <source>New data: type t and each y, or paste them (Ctrl+V); Data ▸ Add Prediction adds a y</source>
        <translation>新しいデータ: t と各 y を入力するか貼り付けてください(Ctrl+V)。データ ▸ 予測を追加 で y を増やせます</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/main_window.py" line="1008"/>
        <source>New here? Type a number over any cell, or paste a column from a spreadsheet or a list such as [0.1, 0.7, 0.2]. Help ▸ Short Guide (F1) says more.</source>
        <translation>はじめての方へ: セルに数を入力するか、表計算ソフトの列や [0.1, 0.7, 0.2] のようなリストを貼り付けてください。詳しくはヘルプ ▸ かんたんガイド(F1)。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/main_window.py" line="1072"/>
        <source>Copied the plot as an image</source>
        <translation>グラフを画像としてコピーしました</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/main_window.py" line="1079"/>
        <source>In the tables: type to replace a cell, F2 to edit it, Enter moves down, Tab moves right (after typing in the last column, on to the next row&apos;s t; otherwise out of the last table); after an edit on the last row, typing on adds a row. Delete blanks.</source>
        <translation>表では: 入力でセルを置き換え、F2 で編集、Enter で下へ、Tab で右へ(最後の列に入力した後は次の行の t へ、それ以外は最後の表から次の部品へ)。最後の行を編集した後は、続けて入力すると行が増えます。Delete で空欄にします。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/main_window.py" line="1083"/>
        <source>Keyboard Shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/main_window.py" line="1089"/>
        <source>Short Guide</source>
        <translation>かんたんガイド</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/main_window.py" line="1090"/>
        <source>&lt;ol&gt;&lt;li&gt;Type or paste the target &lt;b&gt;t&lt;/b&gt; (正解) in the left table and one or more predictions &lt;b&gt;y&lt;/b&gt; (予測) beside it: one row per element k.&lt;/li&gt;&lt;li&gt;Pick a loss at the top (Ctrl+L); only its parameters are shown.&lt;/li&gt;&lt;li&gt;Read the totals: the lowest is marked ★. Under them the loss is written out with your numbers.&lt;/li&gt;&lt;li&gt;The plot shows what each element adds to E; Ctrl+G shows −∂E/∂y, the way learning would move each y. The Curve tab (Ctrl+5) shows one element; click it to set y.&lt;/li&gt;&lt;li&gt;Red cells have a problem: hover them to read why. Ctrl+Z undoes any edit.&lt;/li&gt;&lt;li&gt;Watch learning with the Learn bar at the top: &lt;b&gt;Step&lt;/b&gt; takes one step &lt;nobr&gt;y ← y − η·∂E/∂y&lt;/nobr&gt; on every prediction, with the &lt;b&gt;Learning rate η&lt;/b&gt; you type; &lt;b&gt;Run&lt;/b&gt; takes one step per frame until &lt;b&gt;Stop&lt;/b&gt; or &lt;b&gt;Run at most&lt;/b&gt; steps; &lt;b&gt;Reset&lt;/b&gt; puts the predictions back to where learning began. For a loss on probabilities, &lt;b&gt;Step on&lt;/b&gt; ▸ &lt;b&gt;the logits z&lt;/b&gt; moves the logits behind y instead, so y stays a probability. The Loss over steps tab (Ctrl+7) draws E at every step. Ctrl+Z takes back one Step click, or all the steps of one Run, at a time (Edit ▸ Undo says how many), and the run goes on from there.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Other tools (Ctrl+6) says why PyTorch, Keras or scikit-learn give another number. Right-click a cell, a column header or the plot for more.&lt;/p&gt;</source>
        <translation>&lt;ol&gt;&lt;li&gt;左の表に正解 &lt;b&gt;t&lt;/b&gt; を、その横に予測 &lt;b&gt;y&lt;/b&gt; を1つ以上、入力するか貼り付けます(1行が要素 k ひとつ)。&lt;/li&gt;&lt;li&gt;上で損失関数を選びます(Ctrl+L)。その損失関数のパラメータだけが表示されます。&lt;/li&gt;&lt;li&gt;合計を読みます。いちばん小さいものに ★ が付きます。その下に、あなたの数を入れた式が書き出されます。&lt;/li&gt;&lt;li&gt;グラフは各要素が E に加える量を示します。Ctrl+G で −∂E/∂y(学習が各 y を動かす向き)を表示します。曲線のタブ(Ctrl+5)は1つの要素を示し、クリックで y を設定できます。&lt;/li&gt;&lt;li&gt;赤いセルには問題があります。マウスを乗せると理由が読めます。Ctrl+Z でどの編集も元に戻せます。&lt;/li&gt;&lt;li&gt;上の学習のツールバーで学習を見ます。&lt;b&gt;ステップ&lt;/b&gt;は、入力した&lt;b&gt;学習率 η&lt;/b&gt;で、すべての予測に &lt;nobr&gt;y ← y − η·∂E/∂y&lt;/nobr&gt; を1回行います。&lt;b&gt;実行&lt;/b&gt;は、&lt;b&gt;停止&lt;/b&gt;を押すか&lt;b&gt;最大&lt;/b&gt;のステップ数に達するまで、1フレームに1ステップずつ進めます。&lt;b&gt;リセット&lt;/b&gt;は予測を学習を始めたときの値に戻します。確率を受け取る損失では、&lt;b&gt;進める対象&lt;/b&gt; ▸ &lt;b&gt;ロジット z&lt;/b&gt; にすると、y の代わりにその裏にあるロジットを動かすので、y は確率のままです。「ステップごとの損失」タブ(Ctrl+7)は各ステップの E を描きます。Ctrl+Z は、ステップのクリック1回分、または1回の実行のすべてのステップを、まとめて取り消します(いくつ取り消すかは 編集 ▸ 元に戻す に書かれます)。学習はそこから続けられます。&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;他のツール(Ctrl+6)では、PyTorch・Keras・scikit-learn の値が違う理由が分かります。セル・列の見出し・グラフを右クリックするとほかの操作もできます。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/main_window.py" line="1120"/>
        <source>About lossgui</source>
        <translation>lossgui について</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/main_window.py" line="1121"/>
        <source>&lt;p&gt;&lt;b&gt;lossgui %1&lt;/b&gt; — a loss-function calculator for learning how models learn.&lt;/p&gt;&lt;p&gt;Type or paste a target t and predictions y, pick a loss, and see each element&apos;s contribution and the direction learning moves y.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;lossgui %1&lt;/b&gt; — モデルがどう学習するかを学ぶための損失関数の計算機です。&lt;/p&gt;&lt;p&gt;正解 t と予測 y を入力するか貼り付け、損失関数を選ぶと、要素ごとの寄与と、学習が y を動かす向きが分かります。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <location filename="../../lossgui/gui/panels/notes_panel.py" line="33"/>
        <source>Notes about the input</source>
        <translation>入力についての注意</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/notes_panel.py" line="43"/>
        <source>Notes about the input appear here.</source>
        <translation>入力についての注意がここに表示されます。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/notes_panel.py" line="153"/>
        <source>%n more cells have a problem: hover a red cell to read why.</source>
        <translation>ほかに %n 個のセルに問題があります。赤いセルにマウスを重ねると理由が読めます。</translation>
    </message>
</context>
<context>
    <name>Parameters</name>
    <message>
        <location filename="../../lossgui/gui/param_text.py" line="19"/>
        <source>reduction</source>
        <translation>集約方法 (reduction)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/param_text.py" line="20"/>
        <source>half</source>
        <translation>½ を掛ける (half)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/param_text.py" line="21"/>
        <source>eps</source>
        <translation>微小値 (eps)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/param_text.py" line="22"/>
        <source>delta</source>
        <translation>切り替え点 δ (delta)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/param_text.py" line="23"/>
        <source>label_smoothing</source>
        <translation>ラベル平滑化 (label_smoothing)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/param_text.py" line="24"/>
        <source>beta</source>
        <translation>切り替え点 β (beta)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/param_text.py" line="25"/>
        <source>quantile</source>
        <translation>分位点 q (quantile)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/param_text.py" line="26"/>
        <source>log_input</source>
        <translation>y は log λ (log_input)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/param_text.py" line="27"/>
        <source>full</source>
        <translation>Stirling 項を足す (full)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/param_text.py" line="28"/>
        <source>gamma</source>
        <translation>集中度 γ (gamma)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/param_text.py" line="29"/>
        <source>apply_class_balancing</source>
        <translation>クラスの重み付け (apply_class_balancing)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/param_text.py" line="30"/>
        <source>alpha</source>
        <translation>重み α (alpha)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/param_text.py" line="31"/>
        <source>p</source>
        <translation>累乗 (p)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/param_text.py" line="32"/>
        <source>margin</source>
        <translation>マージン (margin)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/param_text.py" line="33"/>
        <source>sum</source>
        <translation>合計 (sum)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/param_text.py" line="34"/>
        <source>mean</source>
        <translation>平均 (mean)</translation>
    </message>
</context>
<context>
    <name>PlotExport</name>
    <message>
        <location filename="../../lossgui/gui/files/plot_export.py" line="68"/>
        <source>−∂E/∂y per element</source>
        <translation>要素ごとの −∂E/∂y</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/files/plot_export.py" line="69"/>
        <source>contribution of each element</source>
        <translation>各要素の寄与</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/files/plot_export.py" line="89"/>
        <source>loss curve of element %1</source>
        <translation>要素 %1 の損失の曲線</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/files/plot_export.py" line="104"/>
        <source>loss over the steps of learning</source>
        <translation>学習のステップごとの損失</translation>
    </message>
</context>
<context>
    <name>PlotPanel</name>
    <message>
        <location filename="../../lossgui/gui/panels/plot_panel.py" line="48"/>
        <source>contribution of element k to E</source>
        <translation>要素 k の E への寄与</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/plot_panel.py" line="49"/>
        <source>−∂E/∂y   (↑ learning raises y, ↓ lowers y)</source>
        <translation>−∂E/∂y   (↑ 学習で y が上がる、↓ 下がる)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/plot_panel.py" line="97"/>
        <source>Show −∂E/∂&amp;y (where learning moves each y)</source>
        <translation>−∂E/∂&amp;y を表示(学習が各 y を動かす向き)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/plot_panel.py" line="99"/>
        <source>Show the gradient instead of the contributions</source>
        <translation>寄与の代わりに勾配を表示</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/plot_panel.py" line="56"/>
        <source>Hover a bar to read its exact value.</source>
        <translation>棒にマウスを乗せると正確な値が読めます。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/plot_panel.py" line="52"/>
        <source>contribution of class k to %1 (sample %2&apos;s own loss)</source>
        <translation>クラス k の %1(サンプル %2 自身の損失)への寄与</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/plot_panel.py" line="54"/>
        <source>−∂%1/∂%2   (↑ learning raises %2, ↓ lowers %2)</source>
        <translation>−∂%1/∂%2   (↑ 学習で %2 が上がる、↓ 下がる)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/plot_panel.py" line="109"/>
        <source>Value under the mouse</source>
        <translation>マウス位置の値</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/plot_panel.py" line="116"/>
        <location filename="../../lossgui/gui/panels/plot_panel.py" line="458"/>
        <source>Plot of the contributions per element</source>
        <translation>要素ごとの寄与のグラフ</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/plot_panel.py" line="118"/>
        <location filename="../../lossgui/gui/panels/plot_panel.py" line="214"/>
        <source>element k</source>
        <translation>要素 k</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/plot_panel.py" line="211"/>
        <source>class k of sample %1</source>
        <translation>サンプル %1 のクラス k</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/plot_panel.py" line="236"/>
        <source>The bars are sample %1&apos;s own loss %2 and its gradient; the batch&apos;s E is the mean of the samples&apos; own losses, so ∂E/∂%3 (Export Results, PyTorch&apos;s .grad, Step) is ∂%2/∂%3 ÷ %4.</source>
        <translation>棒はサンプル %1 自身の損失 %2 とその勾配です。バッチの E は各サンプル自身の損失の平均なので、∂E/∂%3(結果の書き出し、PyTorch の .grad、ステップ)は ∂%2/∂%3 ÷ %4 です。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lossgui/gui/panels/plot_panel.py" line="433"/>
        <source>… %n more</source>
        <translation>
            <numerusform>…ほか %n 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/plot_panel.py" line="457"/>
        <source>Plot of −∂E/∂y per element</source>
        <translation>要素ごとの −∂E/∂y のグラフ</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/plot_panel.py" line="492"/>
        <source>%1 — largest of k = %2–%3</source>
        <translation>%1 — k = %2〜%3 の中で最大</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/plot_panel.py" line="510"/>
        <source>contribution to %1</source>
        <translation>%1 への寄与</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/plot_panel.py" line="513"/>
        <source>contribution</source>
        <translation>寄与</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/plot_panel.py" line="517"/>
        <source>not a number (the red cell says why)</source>
        <translation>数ではありません(理由は赤いセルに)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/plot_panel.py" line="518"/>
        <source>not computed (missing)</source>
        <translation>計算なし(値がありません)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/plot_panel.py" line="521"/>
        <source> (learning would raise %1)</source>
        <translation>(学習は %1 を上げます)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/plot_panel.py" line="522"/>
        <source> (learning would lower %1)</source>
        <translation>(学習は %1 を下げます)</translation>
    </message>
</context>
<context>
    <name>PredictionCombo</name>
    <message>
        <location filename="../../lossgui/gui/selection.py" line="112"/>
        <source>Prediction</source>
        <translation>予測</translation>
    </message>
</context>
<context>
    <name>ProbabilityView</name>
    <message>
        <location filename="../../lossgui/gui/sheet/probability_view.py" line="122"/>
        <source>Probabilities of the logits (read-only)</source>
        <translation>ロジットから求めた確率(読み取り専用)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/sheet/probability_view.py" line="123"/>
        <source>The probabilities the loss computes from the logits y: read-only, they follow every edit and every step</source>
        <translation>損失がロジット y から計算する確率です。読み取り専用で、編集やステップのたびに更新されます</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../lossgui/gui/language.py" line="40"/>
        <source>Folder</source>
        <translation>フォルダ</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/language.py" line="41"/>
        <source>Drive</source>
        <translation>ドライブ</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../lossgui/gui/language.py" line="38"/>
        <source>&amp;Look in:</source>
        <translation>アドレス(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/language.py" line="39"/>
        <source>Files of &amp;type:</source>
        <translation>ファイルの種類(&amp;T):</translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message>
        <location filename="../../lossgui/gui/panels/loss_panel.py" line="306"/>
        <source>— (cannot compute)</source>
        <translation>—(計算できません)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/loss_panel.py" line="318"/>
        <source>— (not a number)</source>
        <translation>—(数値ではありません)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/loss_panel.py" line="320"/>
        <source>; </source>
        <translation> / </translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/loss_panel.py" line="324"/>
        <source>— (missing: %1 and %n more)</source>
        <translation>—(空欄: %1 ほか %n 個)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/loss_panel.py" line="326"/>
        <source>— (missing: %1)</source>
        <translation>—(空欄: %1)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/loss_panel.py" line="341"/>
        <source>Totals</source>
        <translation>合計</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/loss_panel.py" line="342"/>
        <source>Prediction</source>
        <translation>予測</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/loss_panel.py" line="342"/>
        <source>Total E</source>
        <translation>合計 E</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/loss_panel.py" line="355"/>
        <source>Hover a total for its full precision; Ctrl+C copies it.</source>
        <translation>合計にマウスを乗せると全桁が読めます。Ctrl+C でコピーできます。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/loss_panel.py" line="445"/>
        <source>★ best</source>
        <translation>★ 最良</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/loss_panel.py" line="446"/>
        <source>The lowest loss: this prediction is closest to t.</source>
        <translation>損失が最も小さい: この予測が正解 t に最も近いです。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/loss_panel.py" line="448"/>
        <source>not compared</source>
        <translation>比較しません</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/loss_panel.py" line="450"/>
        <source>Some y is outside the values this loss is defined for, so this total is not a loss (it can even be negative) and is not compared with the others.</source>
        <translation>どこかの y がこの損失の定義域の外にあるので、この合計は損失ではなく(負にもなります)、ほかの予測とは比べません。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/loss_panel.py" line="453"/>
        <source>y sums to more than 1 (under nll, exp(y) does), so it is not a probability distribution. Only among distributions is this loss lowest at y = t (under nll, at exp(y) = t), so this total can fall below that one (under kl it can be negative) and is not compared with the others.</source>
        <translation>y の合計が 1 を超えて(nll では exp(y) の合計が)おり、確率分布ではありません。この損失が y = t(nll では exp(y) = t)で最小になるのは確率分布どうしのときだけなので、この合計はそれより小さくなる(kl では負になる)こともあり、ほかの合計とは比べません。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/loss_panel.py" line="457"/>
        <source>t is not a probability distribution, and this loss measures a distance only between distributions, so this total can be negative and is not compared with the others.</source>
        <translation>t が確率分布ではありません。この損失は確率分布どうしの隔たりしか測らないので、この合計は負になることもあり、ほかの予測とは比べません。</translation>
    </message>
</context>
<context>
    <name>SheetModel</name>
    <message>
        <location filename="../../lossgui/gui/sheet/table_model.py" line="115"/>
        <source>blank</source>
        <translation>空</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/sheet/table_model.py" line="117"/>
        <source>, problem</source>
        <translation>、問題あり</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/sheet/table_model.py" line="118"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/sheet/table_model.py" line="136"/>
        <source>t: the target (正解ラベル), one value per element k</source>
        <translation>t: 正解(正解ラベル)。要素 k ごとに1つの値</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/sheet/table_model.py" line="137"/>
        <source>A prediction y (the model&apos;s output). Double-click to rename.</source>
        <translation>予測 y(モデルの出力)。ダブルクリックで名前を変更できます。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/sheet/table_model.py" line="157"/>
        <source>the old value %1 is kept</source>
        <translation>元の値 %1 のままです</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/sheet/table_model.py" line="158"/>
        <source>the cell stays blank</source>
        <translation>セルは空のままです</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/sheet/table_model.py" line="160"/>
        <source>%1: %2; %3.</source>
        <translation>%1: %2。%3。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/sheet/table_model.py" line="185"/>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/sheet/table_model.py" line="184"/>
        <source>Blank: this element is missing, so the loss cannot be computed.</source>
        <translation>空: この要素の値がないため、損失を計算できません。</translation>
    </message>
</context>
<context>
    <name>SheetView</name>
    <message>
        <location filename="../../lossgui/gui/sheet/sheet_view.py" line="298"/>
        <source>Row %1 is the last row: type on to add a row, or press Ctrl+Return.</source>
        <translation>%1 行目が最後の行です。続けて入力すると行が増えます(Ctrl+Return でも追加できます)。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/sheet/sheet_view.py" line="423"/>
        <source>Nothing was pasted: %1%2.</source>
        <translation>何も貼り付けませんでした: %1%2。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/sheet/sheet_view.py" line="427"/>
        <source>Nothing was pasted: the clipboard has no numbers.</source>
        <translation>何も貼り付けませんでした: クリップボードに数値がありません。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/sheet/sheet_view.py" line="439"/>
        <source>Read the %1 lists as columns, one vector each (a table row is an element k).</source>
        <translation>%1 個のリストを、それぞれ1つのベクトルとして列に読みました(表の1行が要素 k です)。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/sheet/sheet_view.py" line="479"/>
        <source>The first row (%1) was read as column names: %2.</source>
        <translation>1行目(%1)を列名として読みました:%2。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/sheet/sheet_view.py" line="578"/>
        <source>The first row (%1) is a header: it was left out.</source>
        <translation>1行目(%1)は見出しなので、貼り付けませんでした。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/sheet/sheet_view.py" line="484"/>
        <source>t keeps its name: it is the target.</source>
        <translation>t は正解なので名前はそのままです。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/sheet/sheet_view.py" line="487"/>
        <source>%1 keeps its name: %2</source>
        <translation>%1 の名前はそのままです:%2</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/sheet/sheet_view.py" line="502"/>
        <source>Paste into selection</source>
        <translation>選択範囲に貼り付け</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/sheet/sheet_view.py" line="558"/>
        <source>new column %1</source>
        <translation>新しい列 %1</translation>
    </message>
</context>
<context>
    <name>StepsPlot</name>
    <message>
        <location filename="../../lossgui/gui/panels/steps_plot.py" line="62"/>
        <source>&amp;Logarithmic E axis</source>
        <translation>E 軸を対数にする(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/steps_plot.py" line="63"/>
        <source>Shows a steady fall by the same factor as a straight line; only E &gt; 0 can be drawn</source>
        <translation>同じ割合で下がり続けると直線になります。描けるのは E &gt; 0 だけです</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/steps_plot.py" line="359"/>
        <source>Hover the plot to read the exact E at a step.</source>
        <translation>グラフにマウスを重ねると、そのステップの正確な E を表示します。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/steps_plot.py" line="74"/>
        <source>Loss at the step under the mouse</source>
        <translation>マウスの下のステップでの損失</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/steps_plot.py" line="79"/>
        <source>Loss over the steps of learning</source>
        <translation>学習のステップごとの損失</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/steps_plot.py" line="82"/>
        <source>step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/steps_plot.py" line="83"/>
        <source>total loss E</source>
        <translation>損失の合計 E</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/steps_plot.py" line="203"/>
        <source>step %1</source>
        <translation>ステップ %1</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/steps_plot.py" line="272"/>
        <source>E = %1: there is nothing to draw until E is a number (see the notes about the input).</source>
        <translation>E = %1: E が数になるまで、描くものはありません(入力についての注意を参照)。</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/steps_plot.py" line="282"/>
        <source>E ≤ 0 from step %1 on: a logarithmic axis cannot draw it, nor the current step&apos;s marker</source>
        <translation>ステップ %1 以降は E ≤ 0 で、対数軸には描けません(今のステップの印も)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/steps_plot.py" line="335"/>
        <source>%1 on logits, η %2</source>
        <translation>%1、ロジットで、η %2</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/steps_plot.py" line="337"/>
        <source>%1 on z, η %2</source>
        <translation>%1、ロジットで、η %2</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/steps_plot.py" line="339"/>
        <source>%1 on y, η %2</source>
        <translation>%1、y で、η %2</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/steps_plot.py" line="343"/>
        <source>%1 earlier (%2)</source>
        <translation>%1 前回(%2)</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/steps_plot.py" line="387"/>
        <source>Step %1: %2</source>
        <translation>ステップ %1: %2</translation>
    </message>
    <message>
        <location filename="../../lossgui/gui/panels/steps_plot.py" line="388"/>
        <source>No run has reached step %1.</source>
        <translation>ステップ %1 まで進んだ実行はありません。</translation>
    </message>
</context>
</TS>
